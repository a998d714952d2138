package dev.rigor.examples.sched;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The request DAG of one agent workflow (a retrieval-augmented research task):
 *
 * <pre>
 *   parse(pdf i) → embed(pdf i)                        for each pdf, in parallel
 *   every embed  → k sub-queries → aggregate           iteration 1
 *   aggregate    → k sub-queries → aggregate           iterations 2..iters, one after another
 *   aggregate    → final answer
 * </pre>
 *
 * <p>Nodes are created in topological order, so parents always have smaller indices. With model
 * routing, each sub-query is "simple" with probability {@link #SIMPLE_SUBQUERY_SHARE} and goes to
 * the small LLM; aggregation and the final answer always need the large one.
 */
final class WorkflowDag {
  static final double SIMPLE_SUBQUERY_SHARE = 0.5;

  private final List<DagNode> nodes;
  private final double criticalPathMs;

  private WorkflowDag(List<DagNode> nodes) {
    this.nodes = List.copyOf(nodes);
    this.criticalPathMs = nodes.stream()
        .filter(n -> n.parents().isEmpty()).mapToDouble(DagNode::rankMs).max().orElse(0);
  }

  List<DagNode> nodes() {
    return nodes;
  }

  /** Expected makespan on an idle system at the cheapest tiers, tails excluded. */
  double criticalPathMs() {
    return criticalPathMs;
  }

  /**
   * When this node should start for the workflow to finish on its ideal schedule, relative to
   * the workflow's arrival: the node's deadline for a least-slack-first scheduler.
   */
  double latestStartOffsetMs(DagNode node) {
    return criticalPathMs - node.rankMs();
  }

  static WorkflowDag build(int pdfs, int iters, int subqueries, boolean routing,
      SplittableRandom routingRng) {
    Shape shape = new Shape();
    List<Integer> embeds = new ArrayList<>();
    for (int i = 0; i < pdfs; i++) {
      int parse = shape.add(RequestKind.PDF_PARSE, Provider.PDF, List.of());
      embeds.add(shape.add(RequestKind.EMBED, Provider.EMBED, List.of(parse)));
    }
    List<Integer> previous = embeds;
    for (int it = 0; it < iters; it++) {
      List<Integer> answers = new ArrayList<>();
      for (int j = 0; j < subqueries; j++) {
        boolean simple = routing && routingRng.nextDouble() < SIMPLE_SUBQUERY_SHARE;
        answers.add(shape.add(RequestKind.SUBQUERY, simple ? Provider.LLM_SMALL : Provider.LLM,
            previous));
      }
      previous = List.of(shape.add(RequestKind.AGGREGATE, Provider.LLM, answers));
    }
    shape.add(RequestKind.FINAL_ANSWER, Provider.LLM, previous);
    return new WorkflowDag(shape.freeze());
  }

  /** Mutable accumulator of nodes while building. */
  private static final class Shape {
    private final List<RequestKind> kinds = new ArrayList<>();
    private final List<Provider> providers = new ArrayList<>();
    private final List<List<Integer>> parents = new ArrayList<>();

    int add(RequestKind kind, Provider provider, List<Integer> deps) {
      kinds.add(kind);
      providers.add(provider);
      parents.add(List.copyOf(deps));
      return kinds.size() - 1;
    }

    List<DagNode> freeze() {
      int n = kinds.size();
      List<List<Integer>> children = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        children.add(new ArrayList<>());
      }
      for (int i = 0; i < n; i++) {
        for (int p : parents.get(i)) {
          children.get(p).add(i);
        }
      }
      double[] rank = new double[n];
      for (int i = n - 1; i >= 0; i--) {
        double after = children.get(i).stream().mapToDouble(c -> rank[c]).max().orElse(0);
        Tier cheapest = TierCatalog.tiersOf(providers.get(i)).get(0);
        rank[i] = LatencyModel.bodyMean(cheapest, kinds.get(i).size()) + after;
      }
      List<DagNode> nodes = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        nodes.add(new DagNode(i, kinds.get(i), providers.get(i), parents.get(i),
            Collections.unmodifiableList(children.get(i)), rank[i]));
      }
      return nodes;
    }
  }
}
