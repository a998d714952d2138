package dev.rigor.exec.session;

import dev.rigor.exec.ProcessTree;
import dev.rigor.exec.ProcessTrees;
import dev.rigor.exec.TreeKiller;
import dev.rigor.spec.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A short helper process of a session — a {@code program} reactor's reply, a {@code verify} command —
 * in its own process tree, with input on stdin, its stdout captured, and a timeout that stops the
 * whole tree.
 */
final class Helper {

  /** How a helper ended: its exit code ({@code null} when stopped at the timeout) and what it printed. */
  record Result(Integer exitCode, String output) {
    boolean passed() {
      return exitCode != null && exitCode == 0;
    }
  }

  /** At most this much of a helper's output is kept. */
  static final int MAX_OUTPUT = 1 << 20;

  private Helper() {}

  /**
   * Runs {@code argv}; {@code stderr} receives its standard error (appended), or {@code null} to capture
   * it with stdout.
   */
  static Result run(ProcessTrees trees, String treeName, List<String> argv, Path cwd, Map<String, String> env, byte[] input,
      Path stderr, Duration timeout, Duration killGrace) throws IOException {
    try (ProcessTree tree = trees.create(treeName, Limits.NONE)) {
      ProcessBuilder builder = new ProcessBuilder(argv).directory(cwd.toFile());
      builder.environment().putAll(env);
      builder.environment().put(ProcessTree.ENV, tree.id());
      if (stderr == null) {
        builder.redirectErrorStream(true);
      } else {
        builder.redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
      }
      Process p = tree.start(builder);
      tree.attach(p);
      CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readBounded(p.getInputStream()), Helper::daemon);
      daemon(() -> {
        try (OutputStream in = p.getOutputStream()) {
          in.write(input);
        } catch (IOException e) {
          // the helper does not read its input: that is its business
        }
      });
      boolean exited;
      try {
        exited = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exited = false;
      }
      TreeKiller.stop(tree, p, exited ? Duration.ZERO : killGrace);
      String text = new String(output.join(), StandardCharsets.UTF_8);
      return new Result(exited ? p.exitValue() : null, text);
    }
  }

  private static byte[] readBounded(InputStream in) {
    try (in) {
      byte[] head = in.readNBytes(MAX_OUTPUT);
      in.transferTo(OutputStream.nullOutputStream());
      return head;
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "rigor-session-helper");
    t.setDaemon(true);
    t.start();
  }
}
