package dev.rigor.exec.worker;

import dev.rigor.exec.ProcessTree;
import dev.rigor.exec.ProcessTrees;
import dev.rigor.exec.TreeKiller;
import dev.rigor.spec.Limits;
import dev.rigor.spec.Quantities;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One live worker process, seen from the coordinator: its process tree (contained, measured and
 * killed like a process trial's), the socket it speaks {@code rigor.worker/1} on, a reader thread
 * that queues what it says, and the files its stdout and stderr go to. Those files are opened for
 * appending, so the coordinator copies each run's part of them into the run's {@code stdout.txt} and
 * {@code stderr.txt} and then empties them: what the worker wrote before {@code done} is in the files
 * when {@code done} arrives, so nothing ends up in the wrong run.
 */
final class Worker {

  /** The worker could not be started or did not say hello. */
  static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message) {
      super(message);
    }
  }

  private final Process process;
  private final ProcessTree tree;
  private final SocketChannel channel;
  private final BlockingQueue<Protocol.Message> inbox = new LinkedBlockingQueue<>();
  private final Path stdoutFile;
  private final Path stderrFile;
  private long stdoutCopied;
  private long stderrCopied;
  private int trials;

  private Worker(Process process, ProcessTree tree, SocketChannel channel, Path stdoutFile, Path stderrFile) {
    this.process = process;
    this.tree = tree;
    this.channel = channel;
    this.stdoutFile = stdoutFile;
    this.stderrFile = stderrFile;
  }

  /**
   * Starts a worker and waits for its hello. On failure the worker's tree is stopped; what it printed
   * is left in its output files for the caller to copy.
   *
   * @param files where the socket and output files go (a short path: socket paths are limited to ~100 bytes)
   * @param name unique within the experiment (the tree's name)
   * @param stopped polled while waiting: a non-null answer abandons the start
   */
  static Worker start(WorkerProgram program, ProcessTrees trees, Limits limits, Path files, String name, Duration startupTimeout,
      Duration killGrace, java.util.function.Supplier<Object> stopped) throws StartFailure, IOException {
    Path socket = files.resolve(name + ".sock");
    Path stdout = files.resolve(name + ".out");
    Path stderr = files.resolve(name + ".err");
    Files.deleteIfExists(socket);
    Files.write(stdout, new byte[0]);
    Files.write(stderr, new byte[0]);
    ProcessTree tree = trees.create(name, limits);
    Process process = null;
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      server.bind(UnixDomainSocketAddress.of(socket));
      ProcessBuilder builder = new ProcessBuilder(program.argv()).directory(program.cwd().toFile())
          .redirectInput(new File("/dev/null"))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
          .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
      builder.environment().putAll(program.env());
      builder.environment().put(Protocol.SOCKET_ENV, socket.toString());
      builder.environment().put(ProcessTree.ENV, tree.id());
      try {
        process = tree.start(builder);
      } catch (IOException e) {
        throw new StartFailure("cannot start the worker " + program.argv().get(0) + ": " + e.getMessage());
      }
      tree.attach(process);
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      SocketChannel channel = null;
      while (channel == null) {
        selector.select(50);
        channel = server.accept();
        if (channel == null) {
          checkStarting(process, deadline, startupTimeout, stopped);
        }
      }
      channel.configureBlocking(true);
      Worker worker = new Worker(process, tree, channel, stdout, stderr);
      worker.startReader(name);
      worker.awaitHello(deadline, startupTimeout, stopped);
      return worker;
    } catch (StartFailure | IOException | RuntimeException e) {
      if (process != null) {
        TreeKiller.stop(tree, process, killGrace);
      }
      tree.close();
      throw e;
    } finally {
      Files.deleteIfExists(socket);
    }
  }

  private static void checkStarting(Process process, long deadline, Duration startupTimeout, java.util.function.Supplier<Object> stopped)
      throws StartFailure {
    if (!process.isAlive()) {
      throw new StartFailure("the worker exited with code " + process.exitValue() + " before it said hello");
    }
    if (System.nanoTime() > deadline) {
      throw new StartFailure("the worker did not say hello within startup_timeout (" + Quantities.format(startupTimeout) + ")");
    }
    if (stopped.get() != null) {
      throw new StartFailure("stopped while the worker was starting");
    }
  }

  private void startReader(String name) {
    Thread reader = new Thread(() -> {
      Protocol.Reader in = new Protocol.Reader(channel);
      while (true) {
        Protocol.Message m = in.next();
        inbox.add(m);
        if (m.isEof()) {
          return;
        }
      }
    }, "rigor-worker-reader-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  private void awaitHello(long deadline, Duration startupTimeout, java.util.function.Supplier<Object> stopped) throws StartFailure {
    while (true) {
      Protocol.Message m = poll(50);
      if (m == null) {
        checkStarting(process, deadline, startupTimeout, stopped);
        continue;
      }
      if (m.isEof()) {
        throw new StartFailure("the worker closed its socket before it said hello");
      }
      if (m.problem() != null) {
        throw new StartFailure("the worker broke the protocol before its hello: " + m.problem());
      }
      if (!"hello".equals(m.type()) || !Protocol.VERSION.equals(m.fields().get("protocol"))) {
        throw new StartFailure("the worker's first message must be {\"type\":\"hello\",\"protocol\":\"" + Protocol.VERSION + "\"}, not "
            + Protocol.mapper().valueToTree(m.fields()));
      }
      return;
    }
  }

  /** The next message, waiting up to {@code millis}; {@code null} if none came. */
  Protocol.Message poll(long millis) {
    try {
      return inbox.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  void send(Map<String, ?> message) throws IOException {
    Protocol.send(channel, message);
  }

  Process process() {
    return process;
  }

  ProcessTree tree() {
    return tree;
  }

  boolean alive() {
    return process.isAlive() && channel.isOpen();
  }

  int trials() {
    return trials;
  }

  void countTrial() {
    trials++;
  }

  /** Appends what the worker wrote since the last call to the run's files. */
  void copyOutput(Path runStdout, Path runStderr) throws IOException {
    stdoutCopied = copy(stdoutFile, stdoutCopied, runStdout);
    stderrCopied = copy(stderrFile, stderrCopied, runStderr);
  }

  /** Empties the output files between runs once they have grown (the worker appends, so it writes from the start again). */
  void trimOutput() throws IOException {
    stdoutCopied = trim(stdoutFile, stdoutCopied);
    stderrCopied = trim(stderrFile, stderrCopied);
  }

  private static long copy(Path from, long offset, Path to) throws IOException {
    try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ)) {
      long size = in.size();
      if (size <= offset) {
        return size < offset ? 0 : offset; // emptied meanwhile: start again
      }
      try (FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        long at = offset;
        while (at < size) {
          at += in.transferTo(at, size - at, out);
        }
        return at;
      }
    }
  }

  private static long trim(Path file, long copied) throws IOException {
    if (copied < (1 << 20)) {
      return copied;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(0);
    }
    return 0;
  }

  /** Asks the worker to exit, then stops its tree (SIGTERM, the grace, SIGKILL) whatever it does. */
  void shutdown(Duration grace) {
    try {
      send(Protocol.message("shutdown"));
      process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      // already gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill(grace);
  }

  /** Stops the worker's whole tree now (SIGTERM, the grace, SIGKILL); its usage can still be read. */
  void kill(Duration grace) {
    TreeKiller.stop(tree, process, grace);
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a socket whose peer is dead
    }
  }

  /** Once killed: removes the tree's containment (cgroups) and the output files. */
  void release() {
    tree.close();
    try {
      Files.deleteIfExists(stdoutFile);
      Files.deleteIfExists(stderrFile);
    } catch (IOException ignored) {
      // in the executor's temporary directory, removed with it
    }
  }
}
