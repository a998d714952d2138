package dev.rigor.examples.sched;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * One discrete-event simulation run: a clock, an event queue and the handlers that move
 * requests through tier queues. Used once, by {@link Simulation#run}.
 *
 * <p>Invariant between events: every tier either has an empty queue or no free slot, because
 * every event ends with {@link #startWhatFits()}. Handlers therefore only enqueue; starting is
 * done in one place, in queue order.
 */
final class Engine {
  static final int TRACE_CAP = 2_500;
  private static final int PROGRESS_POINTS = 30;

  private final SimConfig config;
  private final long seed;
  private final LatencyModel latency;
  private final SchedulingPolicy policy;
  private final ProgressListener listener;
  private final EventQueue events = new EventQueue();
  private final Map<Provider, List<TierState>> tiers = new EnumMap<>(Provider.class);
  private final List<WorkflowRun> workflows = new ArrayList<>();
  private final TraceRecorder trace = new TraceRecorder(TRACE_CAP);
  private final List<ProgressPoint> progress = new ArrayList<>();
  private double now;
  private long attemptSeq;
  private int completed;
  private double totalCost;
  private long tickMs;

  Engine(SimConfig config, long seed, ProgressListener listener) {
    this.config = config;
    this.seed = seed;
    this.latency = new LatencyModel(config.heavyTailProb(), config.heavyTailMult());
    this.policy = new SchedulingPolicy(config);
    this.listener = listener;
    for (Provider p : Provider.values()) {
      List<Tier> specs = TierCatalog.tiersOf(p);
      List<TierState> states = new ArrayList<>();
      for (Tier t : specs) {
        states.add(new TierState(t, t.id() == specs.size() - 1));
      }
      tiers.put(p, states);
    }
  }

  SimResult run() {
    createWorkflows();
    events.at(tickMs, EventKind.PROGRESS_TICK, null, null, null);
    while (!events.isEmpty()) {
      EventQueue.Event e = events.poll();
      now = e.timeMs();
      handle(e);
      startWhatFits();
    }
    return collect();
  }

  private void createWorkflows() {
    SplittableRandom arrivals = RandomStreams.of(seed, RandomStreams.ARRIVALS, 0, 0, 0);
    double t = 0;
    double longestIdeal = 0;
    for (int id = 0; id < config.workflows(); id++) {
      if (id > 0) {
        t += RandomStreams.exponential(arrivals, config.meanArrivalGapMs());
      }
      WorkflowDag dag = WorkflowDag.build(config.pdfs(), config.iters(), config.subqueries(),
          config.modelRouting(), RandomStreams.of(seed, RandomStreams.ROUTING, id, 0, 0));
      WorkflowRun w = new WorkflowRun(id, t, dag);
      workflows.add(w);
      events.at(t, EventKind.ARRIVAL, w, null, null);
      longestIdeal = Math.max(longestIdeal, dag.criticalPathMs());
    }
    // Spread ~PROGRESS_POINTS ticks over the expected run; a congested run simply gets more.
    double expectedHorizon = t + 2 * longestIdeal;
    tickMs = Math.max(100, (long) Math.ceil(expectedHorizon / PROGRESS_POINTS / 100) * 100);
  }

  private void handle(EventQueue.Event e) {
    switch (e.kind()) {
      case ARRIVAL:
        onArrival(e.workflow());
        break;
      case COMPLETE:
        onComplete(e.attempt());
        break;
      case HEDGE_CHECK:
        onHedgeCheck(e.attempt());
        break;
      case RUNNING_ESCALATION_CHECK:
        onRunningTooLong(e.attempt());
        break;
      case WAITING_ESCALATION_CHECK:
        onWaitingTooLong(e.attempt(), e.tier());
        break;
      case PROGRESS_TICK:
        onTick();
        break;
      default:
        throw new IllegalStateException("unhandled event " + e.kind());
    }
  }

  private void onArrival(WorkflowRun w) {
    trace.workflow(now, TraceType.WORKFLOW_ARRIVE, w);
    for (Request r : w.requests) {
      if (r.pendingParents == 0) {
        submit(r);
      }
    }
  }

  private void submit(Request r) {
    r.submittedAtMs = now;
    List<TierState> options = tiers.get(r.provider());
    TierState target = options.get(policy.initialTier(options));
    Attempt a = new Attempt(r, r.attemptsMade++, target.tier, policy.queueKey(r), attemptSeq++);
    r.live.add(a);
    enqueue(a, target);
  }

  private void enqueue(Attempt a, TierState target) {
    target.enqueue(a, now);
    if (policy.escalates() && !target.top) {
      double after = SchedulingPolicy.escalateWaitingAfterMs(target.tier, a.request.size());
      events.at(now + after, EventKind.WAITING_ESCALATION_CHECK, null, a, target.tier);
    }
  }

  private void startWhatFits() {
    for (List<TierState> providerTiers : tiers.values()) {
      for (TierState t : providerTiers) {
        for (Attempt a = t.pollStartable(now); a != null; a = t.pollStartable(now)) {
          start(a, t);
        }
      }
    }
  }

  private void start(Attempt a, TierState t) {
    Request r = a.request;
    double price = t.tier.pricePerRequest() * r.size();
    t.start(a, now, price);
    r.workflow.cost += price;
    r.workflow.attempts++;
    totalCost += price;
    SplittableRandom rng = RandomStreams.of(seed, RandomStreams.ATTEMPT, r.workflow.id,
        r.node.index(), a.number);
    LatencyModel.Draw draw = latency.draw(t.tier, r.size(), rng);
    a.heavyTail = draw.heavyTail();
    if (draw.heavyTail()) {
      r.workflow.heavyTailAttempts++;
    }
    trace.attempt(now, TraceType.ATTEMPT_START, a);
    events.at(now + draw.ms(), EventKind.COMPLETE, null, a, null);
    if (policy.hedges() && r.live.size() == 1) {
      events.at(now + SchedulingPolicy.hedgeAfterMs(t.tier, r.size()), EventKind.HEDGE_CHECK,
          null, a, null);
    }
    if (policy.escalates()) {
      events.at(now + SchedulingPolicy.escalateRunningAfterMs(t.tier, r.size()),
          EventKind.RUNNING_ESCALATION_CHECK, null, a, null);
    }
  }

  private void onComplete(Attempt a) {
    if (a.state != AttemptState.RUNNING) {
      return; // cancelled earlier: its service end no longer matters
    }
    stateOf(a).stop(a, now, AttemptState.DONE);
    trace.attempt(now, TraceType.ATTEMPT_FINISH, a);
    Request r = a.request;
    r.live.remove(a);
    for (Attempt loser : List.copyOf(r.live)) {
      cancel(loser);
    }
    WorkflowRun w = r.workflow;
    w.unresolved--;
    for (int child : r.node.children()) {
      Request next = w.requests.get(child);
      if (--next.pendingParents == 0) {
        submit(next);
      }
    }
    if (w.finished()) {
      w.finishMs = now;
      completed++;
      trace.workflow(now, TraceType.WORKFLOW_FINISH, w);
    }
  }

  private void onHedgeCheck(Attempt a) {
    Request r = a.request;
    if (a.state != AttemptState.RUNNING || r.live.size() != 1) {
      return;
    }
    List<TierState> options = tiers.get(r.provider());
    OptionalInt target = policy.hedgeTier(options, a.tier.id());
    if (target.isEmpty()) {
      return; // no spare capacity anywhere: a hedge would only queue behind others
    }
    TierState t = options.get(target.getAsInt());
    Attempt hedge = new Attempt(r, r.attemptsMade++, t.tier, a.queueKey, attemptSeq++);
    r.live.add(hedge);
    r.workflow.hedges++;
    trace.attempt(now, TraceType.HEDGE, hedge);
    start(hedge, t);
  }

  /**
   * The newest attempt of a request has run past its tier's p99: everything tried so far is
   * presumed stalled, so all of it is abandoned (and still paid) and the request is sent again
   * one tier up, or to the same tier when it is already the fastest.
   */
  private void onRunningTooLong(Attempt a) {
    Request r = a.request;
    if (a.state != AttemptState.RUNNING || r.live.get(r.live.size() - 1) != a) {
      return; // finished, or a newer attempt (a hedge) is still within its expected time
    }
    List<TierState> options = tiers.get(r.provider());
    TierState target = options.get(Math.min(a.tier.id() + 1, options.size() - 1));
    for (Attempt stalled : List.copyOf(r.live)) {
      cancel(stalled);
    }
    Attempt replacement = new Attempt(r, r.attemptsMade++, target.tier, a.queueKey,
        attemptSeq++);
    r.live.add(replacement);
    r.workflow.escalations++;
    trace.attempt(now, TraceType.ESCALATE, replacement);
    enqueue(replacement, target);
  }

  private void onWaitingTooLong(Attempt a, Tier waitedOn) {
    if (a.state != AttemptState.QUEUED || a.tier != waitedOn) {
      return; // started or moved meanwhile
    }
    List<TierState> options = tiers.get(a.request.provider());
    options.get(waitedOn.id()).remove(a, now);
    TierState faster = options.get(waitedOn.id() + 1);
    a.request.workflow.escalations++;
    enqueue(a, faster);
    trace.attempt(now, TraceType.ESCALATE, a);
  }

  private void cancel(Attempt a) {
    TierState t = stateOf(a);
    if (a.state == AttemptState.RUNNING) {
      t.stop(a, now, AttemptState.CANCELLED);
    } else {
      t.remove(a, now);
      a.state = AttemptState.CANCELLED;
    }
    a.request.live.remove(a);
    a.request.workflow.cancelled++;
    trace.attempt(now, TraceType.ATTEMPT_CANCEL, a);
  }

  private void onTick() {
    if (completed == workflows.size()) {
      return;
    }
    report((long) Math.rint(now));
    events.at(now + tickMs, EventKind.PROGRESS_TICK, null, null, null);
  }

  private void report(long step) {
    if (progress.isEmpty() || step > progress.get(progress.size() - 1).step()) {
      ProgressPoint p = new ProgressPoint(step, completed, totalCost);
      progress.add(p);
      listener.onProgress(p);
    }
  }

  private TierState stateOf(Attempt a) {
    return tiers.get(a.request.provider()).get(a.tier.id());
  }

  private SimResult collect() {
    double horizon = workflows.stream().mapToDouble(w -> w.finishMs).max().orElse(0);
    report((long) Math.ceil(horizon));
    List<WorkflowResult> results = new ArrayList<>();
    for (WorkflowRun w : workflows) {
      results.add(w.result());
    }
    List<TierResult> tierResults = new ArrayList<>();
    for (List<TierState> providerTiers : tiers.values()) {
      for (TierState t : providerTiers) {
        tierResults.add(t.result(horizon));
      }
    }
    return new SimResult(config, seed, Summary.of(results), results, tierResults,
        trace.freeze(), progress, horizon);
  }
}
