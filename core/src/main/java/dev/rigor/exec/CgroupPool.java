package dev.rigor.exec;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cgroups reused trial after trial instead of made and removed per attempt: a tree takes an idle
 * slot (or a new one) and gives it back when closed. A slot comes back only when its trial left
 * nothing in it and it could be reset for the next one; otherwise whatever is left is killed and the
 * slot's directories removed, and a new slot takes its place when one is needed. With trials
 * releasing their slot before the next one starts, a sweep of {@code --jobs N} uses N slots.
 *
 * <p>Slots are named {@code <owner>-s<n>}, the owner being this coordinator's pid and start time
 * ({@link #owner()}), so that a later coordinator can tell slots of a dead one from live ones.
 */
final class CgroupPool<S extends CgroupPool.Slot> implements AutoCloseable {

  /** The cgroup directories of one slot. */
  interface Slot {
    /** Makes the slot ready for another trial after one ended; false when it cannot be reused (processes left). */
    boolean recycle();

    /** Kills whatever is left in the slot and removes its directories. */
    void discard();
  }

  /** Creates the directories of a new slot. */
  interface Maker<S> {
    S make(String name) throws IOException;
  }

  private final Maker<S> maker;
  private final String prefix;
  private final Deque<S> idle = new ArrayDeque<>();
  private final Set<S> inUse = new HashSet<>();
  private int next;
  private boolean closed;

  CgroupPool(Maker<S> maker) {
    this.maker = maker;
    this.prefix = owner() + "-s";
  }

  /** This process's pid and start time (clock ticks since boot), e.g. {@code p1234-98765}. */
  static String owner() {
    long pid = ProcessHandle.current().pid();
    ProcFs.Stat self = ProcFs.stat(pid);
    return "p" + pid + "-" + (self == null ? 0 : self.startTicks());
  }

  /** An idle slot, or a new one. */
  S acquire() throws IOException {
    String name;
    synchronized (this) {
      if (closed) {
        throw new IOException("the process trees are closed");
      }
      S slot = idle.pollFirst();
      if (slot != null) {
        inUse.add(slot);
        return slot;
      }
      name = prefix + next++;
    }
    S made = maker.make(name);
    synchronized (this) {
      inUse.add(made);
    }
    return made;
  }

  /** Gives a slot back after its trial: reused when it is clean, else discarded. */
  void release(S slot) {
    boolean reusable = slot.recycle();
    synchronized (this) {
      inUse.remove(slot);
      if (reusable && !closed) {
        idle.addFirst(slot); // the warmest slot first
        return;
      }
    }
    slot.discard();
  }

  /** Removes a slot that cannot be used (its set-up failed) without offering it again. */
  void drop(S slot) {
    synchronized (this) {
      inUse.remove(slot);
    }
    slot.discard();
  }

  /** Removes every idle slot; slots still in use are removed when their trees are closed. */
  @Override
  public void close() {
    List<S> gone;
    synchronized (this) {
      closed = true;
      gone = new ArrayList<>(idle);
      idle.clear();
    }
    gone.forEach(Slot::discard);
  }
}
