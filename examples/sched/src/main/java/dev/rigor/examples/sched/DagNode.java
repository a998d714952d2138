package dev.rigor.examples.sched;

import java.util.List;

/**
 * One request of a workflow's DAG.
 *
 * @param parents requests that must finish before this one can be sent
 * @param children requests waiting for this one
 * @param rankMs upward rank: expected time from this request's start to the workflow's end on
 *     the cheapest tiers, i.e. the length of the longest path through the rest of the DAG
 */
record DagNode(
    int index, RequestKind kind, Provider provider, List<Integer> parents, List<Integer> children,
    double rankMs) {

  DagNode {
    parents = List.copyOf(parents);
    children = List.copyOf(children);
  }

  double size() {
    return kind.size();
  }
}
