package dev.rigor.exec.session;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import dev.rigor.exec.ProcessTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A program in a pseudo-terminal (pty4j), inside its process tree. A reader thread copies every byte
 * the program writes to {@code stdout.txt}, decodes it as UTF-8 (a character split across two reads is
 * decoded whole) and keeps the raw and the clean text ({@link TerminalText}) of the current turn; the
 * session thread waits on it until the program is ready, exits, or time runs out.
 */
final class Terminal implements AutoCloseable {

  /** How a wait for the program ended. */
  enum Wait { READY, EXITED, TIMEOUT, STOPPED }

  /** What the program wrote during one turn. */
  record Output(String raw, String clean) {}

  static final int COLUMNS = 200;
  static final int ROWS = 50;
  /** Output read after the main process ended, before the session counts it as exited (a grandchild may hold the terminal open). */
  private static final long EXIT_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final PtyProcess process;
  private final OutputStream toProgram;
  private final OutputStream log;
  private final Thread reader;
  private final TerminalText text = new TerminalText();
  // guarded by this
  private final StringBuilder raw = new StringBuilder();
  private final StringBuilder clean = new StringBuilder();
  private long lastOutputNanos = System.nanoTime();
  private long chunks;
  private boolean eof;
  private boolean woken;

  private Terminal(PtyProcess process, Path log) throws IOException {
    this.process = process;
    this.toProgram = process.getOutputStream();
    this.log = Files.newOutputStream(log);
    this.reader = new Thread(this::read, "rigor-session-reader-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code argv} in a new pseudo-terminal inside {@code tree}; the raw output goes to {@code log}. */
  static Terminal start(ProcessTree tree, List<String> argv, Map<String, String> env, Path cwd, Path log) throws IOException {
    PtyProcess p = (PtyProcess) tree.start(argv, command -> new PtyProcessBuilder(command.toArray(String[]::new))
        .setEnvironment(env)
        .setDirectory(cwd.toString())
        .setInitialColumns(COLUMNS)
        .setInitialRows(ROWS)
        .setConsole(false)
        .setUnixOpenTtyToPreserveOutputAfterTermination(true)
        .start());
    tree.attach(p);
    return new Terminal(p, log);
  }

  Process process() {
    return process;
  }

  private void read() {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    byte[] buffer = new byte[16384];
    ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8);
    CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
    try (InputStream in = process.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        log.write(buffer, 0, n);
        pending.put(buffer, 0, n);
        pending.flip();
        decoder.decode(pending, chars, false); // an incomplete character stays in pending for the next read
        pending.compact();
        chars.flip();
        deliver(chars);
        chars.clear();
      }
    } catch (IOException e) {
      // the terminal closed (EIO once the program and everything holding the terminal are gone)
    } finally {
      pending.flip();
      decoder.decode(pending, chars, true);
      decoder.flush(chars);
      chars.flip();
      deliver(chars);
      synchronized (this) {
        text.finish(clean);
        eof = true;
        notifyAll();
      }
    }
  }

  private synchronized void deliver(CharBuffer chars) {
    if (!chars.hasRemaining()) {
      return;
    }
    raw.append(chars);
    text.append(chars, clean);
    lastOutputNanos = System.nanoTime();
    chunks++;
    notifyAll();
  }

  /** Types {@code line} and Enter (a carriage return, as a keyboard does). */
  void send(String line) throws IOException {
    toProgram.write((line + "\r").getBytes(StandardCharsets.UTF_8));
    toProgram.flush();
  }

  /**
   * Waits until the program is ready for input — its output this turn (less the echo of {@code sent})
   * matches {@code prompt}, or it has been silent for {@code idle} — or has exited, or {@code deadline}
   * passed, or {@link #wake} was called and {@code stopped} is true.
   */
  synchronized Wait await(Pattern prompt, long idleNanos, String sent, long turnStartNanos, long deadline,
      java.util.function.BooleanSupplier stopped) throws InterruptedException {
    long checked = -1;
    while (true) {
      long now = System.nanoTime();
      if (stopped.getAsBoolean()) {
        return Wait.STOPPED;
      }
      if (eof) {
        return Wait.EXITED;
      }
      if (prompt != null && checked != chunks) {
        checked = chunks;
        if (prompt.matcher(visible(clean, sent)).find()) {
          return Wait.READY;
        }
      }
      long quietSince = Math.max(lastOutputNanos, turnStartNanos);
      if (prompt == null && now - quietSince >= idleNanos) {
        return Wait.READY;
      }
      if (!process.isAlive() && now - lastOutputNanos >= EXIT_QUIET_NANOS) {
        return Wait.EXITED;
      }
      if (now >= deadline) {
        return Wait.TIMEOUT;
      }
      long sleep = Math.min(deadline - now, POLL_NANOS);
      if (prompt == null) {
        sleep = Math.min(sleep, quietSince + idleNanos - now);
      }
      if (woken) {
        woken = false;
        continue;
      }
      TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, sleep));
    }
  }

  /** Makes a waiting {@link #await} look at its stop condition now. */
  synchronized void wake() {
    woken = true;
    notifyAll();
  }

  /** Takes the output of the turn so far; what follows belongs to the next turn. */
  synchronized Output take() {
    Output out = new Output(raw.toString(), clean.toString());
    raw.setLength(0);
    clean.setLength(0);
    return out;
  }

  /** The clean text less the terminal's echo of the line just sent. */
  static String visible(CharSequence clean, String sent) {
    String text = clean.toString();
    if (sent != null && text.startsWith(sent + "\n")) {
      return text.substring(sent.length() + 1);
    }
    return text;
  }

  /** Waits for the reader to copy what is left of the output (the program and its tree are gone). */
  void drain(long millis) {
    try {
      reader.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      toProgram.close();
    } catch (IOException ignored) {
      // the terminal is gone already
    }
    drain(1000);
    try {
      log.close();
    } catch (IOException ignored) {
      // nothing more can be saved
    }
  }
}
