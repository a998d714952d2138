package dev.rigor.testing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Finds processes by a unique marker in their command line, to prove that none survived. */
public final class Processes {

  private Processes() {}

  /** A marker to put in a trial's argv (e.g. as an ignored argument). */
  public static String marker() {
    return "rigor-test-" + UUID.randomUUID();
  }

  /** Live processes whose command line contains {@code marker} (zombies excluded). */
  public static List<ProcessHandle> withMarker(String marker) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .filter(p -> !isZombie(p.pid()))
        .toList();
  }

  /** Waits up to {@code timeout} until no process carries {@code marker}; returns the survivors. */
  public static List<ProcessHandle> awaitNone(String marker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ProcessHandle> alive = withMarker(marker);
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      Waits.pause(Duration.ofMillis(50));
      alive = withMarker(marker);
    }
    return alive;
  }

  private static boolean isZombie(long pid) {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    } catch (java.io.IOException | RuntimeException e) {
      return true;
    }
  }

  /** Kills every process with {@code marker} (cleanup after a failed test). */
  public static void killAll(String marker) {
    withMarker(marker).forEach(ProcessHandle::destroyForcibly);
  }

  /** Waits up to {@code timeout} until none of these processes is alive (zombies count as dead); true when none is. */
  public static boolean allDead(List<Long> pids, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pids.stream().anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid))) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Waits.pause(Duration.ofMillis(20));
    }
    return true;
  }
}
