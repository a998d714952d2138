package dev.rigor.exec;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the cgroup hierarchies this process may create trial cgroups in: cgroup v2 with cpu and
 * memory controllers, or cgroup v1 with cpuacct and memory (and cpu, for cpu limits). Trial cgroups
 * go under this process's own cgroup, in {@code rigor/<experiment key>/}.
 */
final class Cgroups {

  /** cgroup v1 directories under which Rigor creates trial cgroups ({@code cpu} may be null or equal to {@code cpuacct}). */
  record V1(Path cpuacct, Path memory, Path cpu) {}

  /** A cgroup v2 directory under which Rigor creates trial cgroups, with the cpu and memory controllers enabled. */
  record V2(Path base) {}

  private record Mount(String root, Path point, String fsType, List<String> options) {}

  private static final String OWN = "rigor";

  private Cgroups() {}

  static Optional<V1> v1() {
    Path cpuacct = ownDirectory("cpuacct", false);
    Path memory = ownDirectory("memory", false);
    if (cpuacct == null || memory == null) {
      return Optional.empty();
    }
    Path cpu = ownDirectory("cpu", false);
    Path cpuBase = cpu == null ? null : cpu.resolve(OWN);
    V1 v1 = new V1(cpuacct.resolve(OWN), memory.resolve(OWN), cpuBase);
    return writable(v1.cpuacct()) && writable(v1.memory()) ? Optional.of(v1) : Optional.empty();
  }

  static Optional<V2> v2() {
    Path own = ownDirectory(null, true);
    if (own == null) {
      return Optional.empty();
    }
    Path base = own.resolve(OWN);
    if (!writable(base)) {
      return Optional.empty();
    }
    if (!enable(own, base)) {
      return Optional.empty();
    }
    return Optional.of(new V2(base));
  }

  /** Enables cpu and memory for the children of {@code base}; fails when the kernel or the delegation does not allow it. */
  private static boolean enable(Path own, Path base) {
    try {
      String available = Files.readString(own.resolve("cgroup.controllers"));
      if (!available.contains("cpu") || !available.contains("memory")) {
        return false;
      }
      String enabled = Files.readString(own.resolve("cgroup.subtree_control"));
      if (!(enabled.contains("cpu") && enabled.contains("memory"))) {
        Files.writeString(own.resolve("cgroup.subtree_control"), "+cpu +memory");
      }
      String below = Files.readString(base.resolve("cgroup.subtree_control"));
      if (!(below.contains("cpu") && below.contains("memory"))) {
        Files.writeString(base.resolve("cgroup.subtree_control"), "+cpu +memory");
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Creates {@code dir} if needed and checks that a child can be made and removed in it. */
  private static boolean writable(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = dir.resolve("probe-" + ProcessHandle.current().pid());
      Files.createDirectories(probe);
      Files.delete(probe);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * This process's cgroup directory in the v1 hierarchy of {@code controller}, or (when
   * {@code v2}) in the unified hierarchy; {@code null} when there is none.
   */
  static Path ownDirectory(String controller, boolean v2) {
    try {
      String ownPath = null;
      for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
        String[] f = line.split(":", 3);
        if (f.length < 3) {
          continue;
        }
        boolean match = v2 ? f[0].equals("0") && f[1].isEmpty() : List.of(f[1].split(",")).contains(controller);
        if (match) {
          ownPath = f[2];
        }
      }
      if (ownPath == null) {
        return null;
      }
      for (Mount m : mounts()) {
        boolean match = v2 ? m.fsType().equals("cgroup2") : m.fsType().equals("cgroup") && m.options().contains(controller);
        if (match && (ownPath.equals(m.root()) || ownPath.startsWith(m.root().endsWith("/") ? m.root() : m.root() + "/"))) {
          String relative = ownPath.substring(m.root().length()).replaceFirst("^/", "");
          return relative.isEmpty() ? m.point() : m.point().resolve(relative);
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<Mount> mounts() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .map(Cgroups::mount)
        .filter(m -> m != null && m.fsType().startsWith("cgroup"))
        .toList();
  }

  private static Mount mount(String line) {
    String[] halves = line.split(" - ", 2);
    if (halves.length < 2) {
      return null;
    }
    String[] left = halves[0].split(" ");
    String[] right = halves[1].split(" ");
    if (left.length < 5 || right.length < 3) {
      return null;
    }
    return new Mount(unescape(left[3]), Path.of(unescape(left[4])), right[0], List.of(right[2].split(",")));
  }

  private static String unescape(String s) {
    return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
  }

  /**
   * Cgroup files are read and written several times per trial: with one small reusable buffer per
   * thread and plain file streams, not the NIO helpers (whose readers allocate 16 KB per call and
   * whose channels cost more to open).
   */
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[4096]);

  /** The text of a cgroup (or proc) file. */
  static String read(Path file) throws IOException {
    try (FileInputStream in = new FileInputStream(file.toString())) {
      byte[] buffer = BUFFER.get();
      int n = in.readNBytes(buffer, 0, buffer.length);
      String head = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
      return n < buffer.length ? head : head + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /** Writes {@code value} to a cgroup file in one write. */
  static void write(Path file, String value) throws IOException {
    try (FileOutputStream out = new FileOutputStream(file.toString())) {
      out.write(value.getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /** Reads a number from a cgroup file, or {@code null}. */
  static Long readLong(Path file) {
    try {
      return Long.parseLong(read(file).trim());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The value of {@code key} in a flat-keyed cgroup file ({@code key value} per line), or {@code null}. */
  static Long readKey(Path file, String key) {
    try {
      for (String line : read(file).split("\n")) {
        int space = line.indexOf(' ');
        if (space == key.length() && line.startsWith(key)) {
          return Long.parseLong(line.substring(space + 1).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** The pids in a cgroup's {@code cgroup.procs}. */
  static List<Long> procs(Path dir) {
    try {
      return read(dir.resolve("cgroup.procs")).lines().filter(s -> !s.isBlank()).map(s -> Long.parseLong(s.trim())).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** True when no process is in the cgroup {@code dir} (or it is gone). */
  static boolean noProcs(Path dir) {
    try {
      return read(dir.resolve("cgroup.procs")).isBlank();
    } catch (IOException e) {
      return true;
    }
  }

  /** Signals every process in the cgroup {@code dir}. */
  static void signalAll(Path dir, boolean kill) {
    for (long pid : procs(dir)) {
      ProcFs.signal(pid, -1, kill);
    }
  }

  /**
   * The shell prefix that moves itself into each cgroup (by writing its pid to {@code cgroup.procs})
   * and then execs the trial, so every process of the trial is inside from its first instruction.
   * The trial's argv is passed as positional parameters, never interpolated into the script.
   */
  static List<String> joinAndExec(List<Path> cgroups, List<String> argv) {
    List<String> out = new java.util.ArrayList<>();
    out.add("/bin/sh");
    out.add("-c");
    out.add("n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" 2>/dev/null"
        + " || { echo \"rigor: cannot join cgroup $1\" >&2; exit 125; }; shift; n=$((n-1)); done; exec \"$@\"");
    out.add("rigor-trial");
    out.add(Integer.toString(cgroups.size()));
    cgroups.forEach(c -> out.add(c.resolve("cgroup.procs").toString()));
    out.addAll(argv);
    return out;
  }

  /** Removes an empty cgroup directory, retrying briefly while the kernel finishes with exited tasks. */
  static void remove(Path dir) {
    for (int i = 0; i < 50; i++) {
      try {
        Files.deleteIfExists(dir);
        return;
      } catch (IOException e) {
        signalAll(dir, true);
        sleepQuietly(10);
      }
    }
  }

  static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
