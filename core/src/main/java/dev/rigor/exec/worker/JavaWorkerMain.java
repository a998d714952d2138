package dev.rigor.exec.worker;

import dev.rigor.api.Trial;
import dev.rigor.api.TrialResult;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The worker JVM of {@code java} trials with {@code isolation: worker}: loads the trial class once
 * (in its own class loader), says hello, and runs each trial it is sent on a thread of its own while
 * it keeps listening (for a cancel). {@code System.out} and {@code System.err} are the worker's, which
 * the coordinator copies into the current run's files. When the coordinator goes away (its socket
 * closes) the worker halts at once, trial or not: no worker outlives its coordinator.
 */
public final class JavaWorkerMain {

  private final SocketChannel channel;
  private final Trial trial;
  private final ClassLoader trialLoader;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "rigor-java-trial");
    t.setDaemon(true);
    return t;
  });
  private volatile WorkerContext current;

  private JavaWorkerMain(SocketChannel channel, Trial trial) {
    this.channel = channel;
    this.trial = trial;
    this.trialLoader = trial.getClass().getClassLoader();
  }

  public static void main(String[] args) throws IOException {
    String socket = System.getenv(Protocol.SOCKET_ENV);
    String className = System.getenv(WorkerPrograms.JAVA_CLASS_ENV);
    String classpath = System.getenv(WorkerPrograms.JAVA_CLASSPATH_ENV);
    if (socket == null || className == null || classpath == null) {
      throw new IllegalStateException("started without " + Protocol.SOCKET_ENV + ", " + WorkerPrograms.JAVA_CLASS_ENV + " and "
          + WorkerPrograms.JAVA_CLASSPATH_ENV + ": this is Rigor's Java worker, run by `rigor run` for java trials");
    }
    Trial trial;
    try {
      trial = TrialLoader.instantiate(TrialLoader.load(className, Arrays.asList(classpath.split(java.io.File.pathSeparator))));
    } catch (TrialLoader.Unusable e) {
      System.err.println("rigor java worker: " + e.getMessage());
      Runtime.getRuntime().halt(2);
      return;
    }
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(socket));
    new JavaWorkerMain(channel, trial).serve();
  }

  private void serve() throws IOException {
    Protocol.send(channel, Protocol.message("hello", "protocol", Protocol.VERSION, "pid", ProcessHandle.current().pid()));
    Protocol.Reader in = new Protocol.Reader(channel);
    while (true) {
      Protocol.Message m = in.next();
      if (m.isEof() || m.problem() != null || "shutdown".equals(m.type())) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(0); // a trial still running is abandoned with the process
      }
      if ("trial".equals(m.type())) {
        WorkerContext ctx = new WorkerContext(m.fields());
        current = ctx;
        runner.execute(() -> run(ctx));
      } else if ("cancel".equals(m.type())) {
        WorkerContext ctx = current;
        if (ctx != null && ctx.runId().equals(m.runId())) {
          ctx.cancel();
        }
      }
    }
  }

  private void run(WorkerContext ctx) {
    Thread.currentThread().setContextClassLoader(trialLoader);
    Map<String, Object> done;
    try {
      TrialResult result = trial.run(ctx);
      if (result == null) {
        done = Protocol.message("done", "run_id", ctx.runId(), "status", "ok", "metrics", Map.of());
      } else {
        done = Protocol.message("done", "run_id", ctx.runId(), "status", result.failure() == null ? "ok" : "failed",
            "metrics", result.metrics(), "error", result.failure());
      }
    } catch (Throwable t) { // the trial's own failure, whatever it is, ends only its run
      String trace = Context.stackTrace(t);
      System.err.println(trace);
      done = Protocol.message("done", "run_id", ctx.runId(), "status", "error", "error", trace);
    }
    System.out.flush();
    System.err.flush();
    try {
      Protocol.send(channel, done);
    } catch (IOException e) {
      try {
        Protocol.send(channel, Protocol.message("done", "run_id", ctx.runId(), "status", "error",
            "error", "the trial's metrics cannot be sent as JSON: " + e.getMessage()));
      } catch (IOException gone) {
        Runtime.getRuntime().halt(1);
      }
    }
  }

  /** A trial's context in the worker JVM: its metrics lines go over the socket. */
  private final class WorkerContext extends Context {

    WorkerContext(Map<String, Object> m) {
      super((String) m.get("run_id"), params(m), m.get("seed") instanceof Number n ? n.longValue() : null,
          m.get("replicate") instanceof Number n ? n.intValue() : 1, (String) m.get("ablation"), Path.of((String) m.get("run_dir")),
          Path.of((String) m.get("out")), System.out, System.err);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(Map<String, Object> m) {
      return m.get("params") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    }

    @Override
    void emit(Map<String, Object> line) {
      Map<String, Object> message = Protocol.message("metrics", "run_id", runId());
      message.putAll(line);
      try {
        Protocol.send(channel, message);
      } catch (IOException e) {
        Runtime.getRuntime().halt(1); // the coordinator is gone
      }
    }
  }

}
