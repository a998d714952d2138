package dev.rigor.exec;

import java.time.Duration;

/**
 * Stops a whole process tree: SIGTERM to every member, up to {@code grace} for them to exit, then
 * SIGKILL until none is left (a tree that keeps forking is killed again until it is empty).
 */
public final class TreeKiller {

  private static final long POLL_MS = 10;
  private static final long KILL_ROUNDS = 500;

  private TreeKiller() {}

  public static void stop(ProcessTree tree, Process main, Duration grace) {
    if (main.isAlive() || !tree.isEmpty()) {
      tree.signalAll(false);
      if (main.isAlive()) {
        main.destroy();
      }
      long deadline = System.nanoTime() + grace.toNanos();
      while (System.nanoTime() < deadline && (main.isAlive() || !tree.isEmpty())) {
        Cgroups.sleepQuietly(POLL_MS);
      }
    }
    for (int round = 0; round < KILL_ROUNDS && (main.isAlive() || !tree.isEmpty()); round++) {
      tree.signalAll(true);
      main.destroyForcibly();
      Cgroups.sleepQuietly(POLL_MS);
    }
  }
}
