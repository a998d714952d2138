package dev.rigor.examples.sched;

import java.util.ArrayList;
import java.util.List;

/** Run-time state of one workflow: its requests and what it has cost so far. */
final class WorkflowRun {
  final int id;
  final double arrivalMs;
  final WorkflowDag dag;
  final List<Request> requests;
  int unresolved;
  double finishMs = Double.NaN;
  double cost;
  int attempts;
  int hedges;
  int escalations;
  int heavyTailAttempts;
  int cancelled;

  WorkflowRun(int id, double arrivalMs, WorkflowDag dag) {
    this.id = id;
    this.arrivalMs = arrivalMs;
    this.dag = dag;
    this.requests = new ArrayList<>(dag.nodes().size());
    for (DagNode node : dag.nodes()) {
      requests.add(new Request(this, node));
    }
    this.unresolved = requests.size();
  }

  boolean finished() {
    return unresolved == 0;
  }

  WorkflowResult result() {
    return new WorkflowResult(id, arrivalMs, finishMs, finishMs - arrivalMs, cost,
        requests.size(), attempts, hedges, escalations, cancelled, heavyTailAttempts,
        dag.criticalPathMs());
  }
}
