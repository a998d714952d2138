package dev.rigor.exec;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads process state from Linux's {@code /proc}. */
final class ProcFs {

  /** Clock ticks per second of {@code /proc/<pid>/stat} times (USER_HZ; 100 on every Linux ABI in use). */
  static final double TICKS_PER_SECOND = 100.0;
  static final long PAGE_SIZE = 4096;
  static final Path PROC = Path.of("/proc");

  /** The fields of {@code /proc/<pid>/stat} that Rigor uses. */
  record Stat(long pid, long ppid, long startTicks, long utime, long stime, long cutime, long cstime, long rssPages) {

    /** CPU seconds of the process and its reaped children. */
    double cpuSeconds() {
      return (utime + stime + cutime + cstime) / TICKS_PER_SECOND;
    }

    long rssBytes() {
      return rssPages * PAGE_SIZE;
    }
  }

  private ProcFs() {}

  static boolean available() {
    return Files.isReadable(PROC.resolve("self/stat"));
  }

  /** The stat of {@code pid}, or {@code null} when it is gone. */
  static Stat stat(long pid) {
    try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
      byte[] buffer = BUFFER.get();
      int n = in.readNBytes(buffer, 0, buffer.length);
      return parse(pid, new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** /proc/<pid>/stat is read on every trial's hot path: one small reusable buffer per thread, no NIO channel. */
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1024]);

  /** The stat of every process. */
  static List<Stat> all() {
    List<Stat> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
      for (Path dir : dirs) {
        Stat s = stat(Long.parseLong(dir.getFileName().toString()));
        if (s != null) {
          out.add(s);
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  static Stat parse(long pid, String text) {
    int close = text.lastIndexOf(')');
    String[] f = text.substring(close + 2).trim().split(" ");
    // f[0] is field 3 (state) of proc(5); field n is f[n - 3]
    return new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[19]), Long.parseLong(f[11]), Long.parseLong(f[12]),
        Long.parseLong(f[13]), Long.parseLong(f[14]), Long.parseLong(f[21]));
  }

  /**
   * The value of environment variable {@code name} of process {@code pid} as it was at exec, or
   * {@code null} (unreadable, gone, or not set).
   */
  static String environment(long pid, String name) {
    try {
      byte[] bytes = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
      String prefix = name + "=";
      int start = 0;
      for (int i = 0; i <= bytes.length; i++) {
        if (i == bytes.length || bytes[i] == 0) {
          String entry = new String(bytes, start, i - start, java.nio.charset.StandardCharsets.UTF_8);
          if (entry.startsWith(prefix)) {
            return entry.substring(prefix.length());
          }
          start = i + 1;
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** True when the process is a zombie (exited, not yet reaped) or gone. */
  static boolean isZombie(long pid) {
    try {
      String text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      return text.charAt(text.lastIndexOf(')') + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /** Sends SIGTERM ({@code kill == false}) or SIGKILL to {@code pid} if it is still the process that started at {@code startTicks}. */
  static void signal(long pid, long startTicks, boolean kill) {
    Stat now = stat(pid);
    if (now == null || (startTicks >= 0 && now.startTicks() != startTicks)) {
      return;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    handle.ifPresent(h -> {
      if (h.pid() != ProcessHandle.current().pid()) {
        if (kill) {
          h.destroyForcibly();
        } else {
          h.destroy();
        }
      }
    });
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
