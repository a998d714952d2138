package dev.rigor.exec;

import dev.rigor.store.Measurement;
import java.util.List;

/**
 * The whole process tree of one trial (its main process, children, grandchildren — also those that
 * daemonize): how to start the main process inside it, signal every member, and measure it.
 */
interface ProcessTree extends AutoCloseable {

  /** CPU seconds and peak memory of the whole tree; {@code null} when not measured. */
  record Usage(Double cpuSeconds, Long peakBytes) {}

  /** The environment variable every process of a trial inherits, naming its tree. */
  String ENV = "RIGOR_TREE_ID";

  /** The tree's id, exported to the trial as {@value #ENV} (found again in /proc after a crash). */
  String id();

  Measurement measurement();

  /** The argv that starts {@code argv} inside the tree (a prefix that joins cgroups, or unchanged). */
  List<String> wrap(List<String> argv);

  /** Called once the main process has started; {@code stat} is its /proc entry (null if already gone). */
  void attach(Process main, ProcFs.Stat stat);

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

  /** Removes what the tree created (cgroups); the tree must be empty. */
  @Override
  void close();
}
