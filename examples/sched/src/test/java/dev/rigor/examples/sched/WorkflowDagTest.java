package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkflowDagTest {
  private static List<DagNode> ofKind(WorkflowDag dag, RequestKind kind) {
    return dag.nodes().stream().filter(n -> n.kind() == kind).collect(Collectors.toList());
  }

  @Test
  void shapeFollowsTheWorkflow() {
    WorkflowDag dag = WorkflowDag.build(3, 2, 4, false, new SplittableRandom(1));

    assertThat(dag.nodes()).hasSize(2 * 3 + 2 * (4 + 1) + 1);
    assertThat(ofKind(dag, RequestKind.PDF_PARSE)).allSatisfy(n ->
        assertThat(n.parents()).isEmpty());
    assertThat(ofKind(dag, RequestKind.EMBED)).allSatisfy(n ->
        assertThat(n.parents()).hasSize(1));
    List<DagNode> subqueries = ofKind(dag, RequestKind.SUBQUERY);
    List<DagNode> aggregates = ofKind(dag, RequestKind.AGGREGATE);
    // Iteration 1 waits for every embedding; iteration 2 waits for iteration 1's aggregate.
    assertThat(subqueries.get(0).parents()).hasSize(3);
    assertThat(subqueries.get(4).parents()).containsExactly(aggregates.get(0).index());
    assertThat(aggregates.get(1).parents()).hasSize(4);
    DagNode last = dag.nodes().get(dag.nodes().size() - 1);
    assertThat(last.kind()).isEqualTo(RequestKind.FINAL_ANSWER);
    assertThat(last.parents()).containsExactly(aggregates.get(1).index());
    assertThat(last.children()).isEmpty();
  }

  @Test
  void parentsComeFirstAndRanksShrinkAlongEveryEdge() {
    WorkflowDag dag = WorkflowDag.build(4, 3, 5, true, new SplittableRandom(7));

    for (DagNode n : dag.nodes()) {
      for (int p : n.parents()) {
        assertThat(p).isLessThan(n.index());
        assertThat(dag.nodes().get(p).rankMs()).isGreaterThan(n.rankMs());
      }
    }
    assertThat(dag.criticalPathMs()).isEqualTo(dag.nodes().get(0).rankMs());
    assertThat(dag.latestStartOffsetMs(dag.nodes().get(0))).isZero();
  }

  @Test
  void routingSendsSomeSubqueriesToTheSmallModelOnly() {
    WorkflowDag routed = WorkflowDag.build(2, 5, 8, true, new SplittableRandom(3));
    WorkflowDag plain = WorkflowDag.build(2, 5, 8, false, new SplittableRandom(3));

    List<DagNode> small = routed.nodes().stream()
        .filter(n -> n.provider() == Provider.LLM_SMALL).collect(Collectors.toList());
    assertThat(small).isNotEmpty().hasSizeLessThan(40)
        .allSatisfy(n -> assertThat(n.kind()).isEqualTo(RequestKind.SUBQUERY));
    assertThat(plain.nodes()).noneMatch(n -> n.provider() == Provider.LLM_SMALL);
    assertThat(routed.criticalPathMs()).isLessThanOrEqualTo(plain.criticalPathMs());
  }

  @Test
  void noPdfsMeansTheFirstSubqueriesStartAtOnce() {
    WorkflowDag dag = WorkflowDag.build(0, 1, 2, false, new SplittableRandom(1));

    assertThat(dag.nodes()).hasSize(4);
    assertThat(dag.nodes().get(0).kind()).isEqualTo(RequestKind.SUBQUERY);
    assertThat(dag.nodes().get(0).parents()).isEmpty();
  }
}
