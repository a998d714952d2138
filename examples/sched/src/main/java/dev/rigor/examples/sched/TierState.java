package dev.rigor.examples.sched;

import java.util.Arrays;
import java.util.PriorityQueue;

/** Run-time state of one tier: its queue, its busy slots and what it has measured. */
final class TierState {
  final Tier tier;
  final boolean top;
  private final PriorityQueue<Attempt> queue = new PriorityQueue<>(Attempt::queueOrder);
  private int running;
  private double busyMs;
  private double[] waits = new double[64];
  private int waitCount;
  private int started;
  private int cancelled;
  private double cost;

  TierState(Tier tier, boolean top) {
    this.tier = tier;
    this.top = top;
  }

  boolean hasFreeSlot() {
    return running < tier.concurrency() && queue.isEmpty();
  }

  int queueLength() {
    return queue.size();
  }

  void enqueue(Attempt a, double nowMs) {
    a.tier = tier;
    a.state = AttemptState.QUEUED;
    a.enqueuedAtMs = nowMs;
    queue.add(a);
  }

  /** The next attempt to start, or null when the queue is empty or every slot is busy. */
  Attempt pollStartable(double nowMs) {
    if (running >= tier.concurrency() || queue.isEmpty()) {
      return null;
    }
    Attempt a = queue.poll();
    recordWait(nowMs - a.enqueuedAtMs);
    return a;
  }

  /** Takes a queued attempt out of line (it moves to another tier or is no longer needed). */
  void remove(Attempt a, double nowMs) {
    if (queue.remove(a)) {
      recordWait(nowMs - a.enqueuedAtMs);
    }
  }

  void start(Attempt a, double nowMs, double price) {
    a.tier = tier;
    a.state = AttemptState.RUNNING;
    a.startedAtMs = nowMs;
    running++;
    started++;
    cost += price;
  }

  void stop(Attempt a, double nowMs, AttemptState end) {
    running--;
    busyMs += nowMs - a.startedAtMs;
    a.state = end;
    if (end == AttemptState.CANCELLED) {
      cancelled++;
    }
  }

  TierResult result(double horizonMs) {
    double[] sorted = Arrays.copyOf(waits, waitCount);
    Arrays.sort(sorted);
    double waitP95 = waitCount == 0 ? 0 : Percentiles.type7(sorted, 0.95);
    double inFlight = horizonMs > 0 ? busyMs / horizonMs : 0;
    return new TierResult(tier, waitP95, inFlight / tier.concurrency(), inFlight, started,
        cancelled, cost);
  }

  private void recordWait(double ms) {
    if (waitCount == waits.length) {
      waits = Arrays.copyOf(waits, waitCount * 2);
    }
    waits[waitCount++] = ms;
  }
}
