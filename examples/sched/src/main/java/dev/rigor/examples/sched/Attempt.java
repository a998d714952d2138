package dev.rigor.examples.sched;

/**
 * One try at serving a request on one tier. A request has one attempt unless the scheduler
 * hedges it (a duplicate runs alongside) or escalates it while running (a replacement). An
 * attempt escalated while still queued keeps its identity and moves to the next tier.
 */
final class Attempt {
  final Request request;
  final int number;
  /** Queue order: lower first. Fixed at creation so a moved attempt keeps its place in line. */
  final double queueKey;
  final long seq;
  Tier tier;
  AttemptState state = AttemptState.QUEUED;
  double enqueuedAtMs;
  double startedAtMs;
  boolean heavyTail;

  Attempt(Request request, int number, Tier tier, double queueKey, long seq) {
    this.request = request;
    this.number = number;
    this.tier = tier;
    this.queueKey = queueKey;
    this.seq = seq;
  }

  /** Orders a tier's queue: by key, then by creation, so equal keys stay first come first. */
  static int queueOrder(Attempt a, Attempt b) {
    int byKey = Double.compare(a.queueKey, b.queueKey);
    return byKey != 0 ? byKey : Long.compare(a.seq, b.seq);
  }
}
