package dev.rigor.exec;

import dev.rigor.store.Measurement;
import java.util.List;

/**
 * The whole process tree of one trial (its main process, children, grandchildren — also those that
 * daemonize): how to start the main process inside it, signal every member, and measure it.
 */
public interface ProcessTree extends AutoCloseable {

  /** CPU seconds and peak memory of the whole tree; {@code null} when not measured. */
  record Usage(Double cpuSeconds, Long peakBytes) {}

  /** The environment variable every process of a trial inherits, naming its tree. */
  String ENV = "RIGOR_TREE_ID";

  /** The tree's id, exported to the trial as {@value #ENV} (found again in /proc after a crash). */
  String id();

  Measurement measurement();

  /** Starts the trial's main process inside the tree. */
  Process start(ProcessBuilder builder) throws java.io.IOException;

  /** Called once the main process has started. */
  void attach(Process main);

  /** Sends SIGTERM, or SIGKILL when {@code kill}, to every process of the tree. */
  void signalAll(boolean kill);

  /** True when no process of the tree is left. */
  boolean isEmpty();

  /** Usage so far (complete once the tree is empty). */
  Usage usage();

  /** Whether the requested limits are enforced ({@code null} when none were requested). */
  Boolean limitsEnforced();

  /** Why the kernel killed the tree (e.g. out of memory), or {@code null}. */
  String killedBecause();

  /** The cgroup directories, recorded so that a later coordinator can stop an orphaned tree. */
  List<String> cgroups();

  /**
   * Gives back what the tree holds: a pooled cgroup slot is reused by a later tree when nothing is
   * left in it; otherwise whatever is left is killed and the slot removed (never reused dirty).
   */
  @Override
  void close();
}
