package dev.rigor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.spec.Ablation;
import dev.rigor.spec.CanonicalJson;
import dev.rigor.spec.Spec;
import dev.rigor.spec.SpecLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static Plan plan(String yaml) throws Exception {
    return Planner.plan(SpecLoader.parse("spec.yaml", yaml, List.of()).spec());
  }

  private static final String BASE = """
      name: p
      command: [sim]
      matrix: {policy: [a, b], n: [1, 2]}
      seeds: [10, 20]
      ablations: [{name: base}, {name: off, flags: [--off]}]
      """;

  private static List<String> labels(Plan p) {
    return p.trials().stream()
        .map(t -> t.variation().axes().get("policy") + "" + t.variation().axes().get("n") + ":" + t.variation().ablation().name() + ":" + t.seed())
        .toList();
  }

  @Test
  void gridOrderIsAxesThenAblationsThenSeeds() throws Exception {
    Plan p = plan(BASE + "order: grid\n");
    assertThat(p.trials()).hasSize(16);
    assertThat(labels(p).subList(0, 6)).containsExactly("a1:base:10", "a1:base:20", "a1:off:10", "a1:off:20", "a2:base:10", "a2:base:20");
    assertThat(p.trials()).extracting(Trial::index).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 16).boxed().toList());
  }

  @Test
  void interleavedOrderRunsEverySeedAcrossAllVariationsFirst() throws Exception {
    Plan p = plan(BASE + "order: interleaved\n");
    List<String> l = labels(p);
    assertThat(l.subList(0, 8)).allSatisfy(s -> assertThat(s).endsWith(":10"));
    assertThat(l.subList(8, 16)).allSatisfy(s -> assertThat(s).endsWith(":20"));
    assertThat(l.get(0)).isEqualTo("a1:base:10");
    assertThat(l.get(1)).isEqualTo("a1:off:10");
  }

  @Test
  void randomOrderIsAShuffleFixedByItsSeed() throws Exception {
    Plan p1 = plan(BASE + "order: random\norder_seed: 3\n");
    Plan p2 = plan(BASE + "order: random\norder_seed: 3\n");
    Plan p3 = plan(BASE + "order: random\norder_seed: 4\n");
    assertThat(labels(p1)).isEqualTo(labels(p2)).isNotEqualTo(labels(p3))
        .containsExactlyInAnyOrderElementsOf(labels(plan(BASE + "order: grid\n")));
  }

  @Test
  void excludeDropsMatchingCombinationsAndIncludeAddsKeysOrCombinations() throws Exception {
    Plan p = plan("""
        name: p
        command: [sim]
        params: {lr: 0.1}
        matrix:
          policy: [a, b]
          n: [1, 2]
          exclude: [{policy: b, n: 2}]
          include: [{policy: a, lr: 0.5}, {policy: c, n: 9}]
        """);
    List<Map<String, Object>> params = p.variations().stream().map(Variation::params).toList();
    assertThat(params).hasSize(4);
    assertThat(params.get(0)).containsEntry("policy", "a").containsEntry("n", 1L).containsEntry("lr", 0.5);
    assertThat(params.get(1)).containsEntry("policy", "a").containsEntry("n", 2L).containsEntry("lr", 0.5);
    assertThat(params.get(2)).containsEntry("policy", "b").containsEntry("n", 1L).containsEntry("lr", 0.1);
    assertThat(params.get(3)).containsEntry("policy", "c").containsEntry("n", 9L).containsEntry("lr", 0.1);
  }

  @Test
  void trialKeyIsTheDocumentedHashAndIgnoresOutputLocation() throws Exception {
    Plan p = plan(BASE + "order: grid\nout_root: somewhere/else\n");
    Trial t = p.trials().get(2); // a1, ablation off, seed 10
    String canonical = "{\"ablation\":\"off\",\"ablation_flags\":[\"--off\"],\"params\":{\"n\":1,\"policy\":\"a\"},\"replicate\":1,\"seed\":10}";
    assertThat(t.trialKey()).isEqualTo(CanonicalJson.sha256Hex(canonical).substring(0, 12));
    assertThat(t.trialKey()).isEqualTo(TrialKeys.keyOf(t.variation().params(), t.variation().ablation(), 10L, 1));
    assertThat(plan(BASE + "order: grid\n").trials().get(2).trialKey()).isEqualTo(t.trialKey());
  }

  @Test
  void integralFloatsHashLikeIntegers() {
    Map<String, Object> a = new LinkedHashMap<>(Map.of("x", 50L));
    Map<String, Object> b = new LinkedHashMap<>(Map.of("x", 50.0));
    assertThat(TrialKeys.keyOf(a, Ablation.BASELINE, 1L, 1)).isEqualTo(TrialKeys.keyOf(b, Ablation.BASELINE, 1L, 1));
  }

  @Test
  void runIdsAreReadableSanitizedBoundedAndUnique() throws Exception {
    Plan p = plan("""
        name: p
        command: [sim]
        matrix: {model: ["openai/gpt-4o mini", "x"], lr: [0.001], routing: [true]}
        seeds: [1]
        replicates: 2
        """);
    Trial t = p.trials().get(0);
    assertThat(t.runId()).isEqualTo("openai-gpt-4o-mini__lr0.001__routing-true__seed1__baseline__r1__" + t.trialKey());
    assertThat(p.trials()).extracting(Trial::runId).doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9._-]+__[0-9a-f]{12}"));

    Spec longOne = SpecLoader.parse("s.yaml", "name: p\ncommand: [sim]\nmatrix: {a: [\"" + "x".repeat(200) + "\"]}\n", List.of()).spec();
    String id = Planner.plan(longOne).trials().get(0).runId();
    assertThat(id.length()).isEqualTo(RunIds.MAX_SLUG + 2 + TrialKeys.LENGTH);
  }

  @Test
  void noSeedsMeansOneTrialPerVariationWithoutSeed() throws Exception {
    Plan p = plan("name: p\ncommand: [sim]\nmatrix: {a: [1, 2]}\nreplicates: 3\n");
    assertThat(p.trials()).hasSize(6).allSatisfy(t -> assertThat(t.seed()).isNull());
    assertThat(p.trials().get(0).runId()).startsWith("a1__baseline__r1__");
  }
}
