package dev.rigor.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a process inside cgroup v1 directories by moving the launching thread into them for the
 * spawn: a child is created in its parent thread's cgroups, so the trial is inside from its first
 * instruction, at no extra exec. (cgroup v1 moves single threads; v2 does not, and uses the shell
 * prefix of {@link Cgroups#joinAndExec}.) The JDK may create its process-reaper thread during the
 * spawn; any of our threads left in the trial's cgroups is moved back out.
 */
final class LaunchingThread {

  /** A trial cgroup and the directory of the same hierarchy that the coordinator's threads live in. */
  record Placement(Path trial, Path home) {}

  /** The thread could not be moved into the trial's cgroups; nothing was started. */
  static final class CannotJoin extends IOException {
    private static final long serialVersionUID = 1L;

    CannotJoin(IOException cause) {
      super("cannot move the launching thread into the trial's cgroup: " + cause.getMessage(), cause);
    }
  }

  private LaunchingThread() {}

  static Process startInside(List<Placement> cgroups, ProcessBuilder builder) throws IOException {
    String tid;
    List<Placement> joined = new ArrayList<>();
    try {
      tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
      for (Placement p : cgroups) {
        Cgroups.write(p.trial().resolve("tasks"), tid);
        joined.add(p);
      }
    } catch (IOException e) {
      goHome(joined);
      throw new CannotJoin(e);
    }
    try {
      return builder.start();
    } finally {
      goHome(joined);
    }
  }

  /** Moves this thread, and any other thread of this JVM found in the trial cgroups (a process reaper created during the spawn), home. */
  private static void goHome(List<Placement> joined) {
    for (Placement p : joined) {
      try {
        for (String line : Cgroups.read(p.trial().resolve("tasks")).split("\n")) {
          String task = line.strip();
          if (!task.isEmpty() && Files.exists(Path.of("/proc/self/task", task))) {
            Cgroups.write(p.home().resolve("tasks"), task);
          }
        }
      } catch (IOException e) {
        // cannot happen for a cgroup we created and a thread of ours; if it did, the cgroup stays
        // busy, its removal fails, and the next coordinator reclaims it
      }
    }
  }
}
