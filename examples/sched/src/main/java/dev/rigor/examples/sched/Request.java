package dev.rigor.examples.sched;

import java.util.ArrayList;
import java.util.List;

/** Run-time state of one DAG node of one workflow. */
final class Request {
  final WorkflowRun workflow;
  final DagNode node;
  /** Attempts that are queued or running; the first to finish resolves the request. */
  final List<Attempt> live = new ArrayList<>(2);
  int pendingParents;
  int attemptsMade;
  double submittedAtMs;

  Request(WorkflowRun workflow, DagNode node) {
    this.workflow = workflow;
    this.node = node;
    this.pendingParents = node.parents().size();
  }

  /** The critical-path deadline for starting: workflow arrival plus the node's ideal start. */
  double latestStartMs() {
    return workflow.arrivalMs + workflow.dag.latestStartOffsetMs(node);
  }

  Provider provider() {
    return node.provider();
  }

  double size() {
    return node.size();
  }
}
