package dev.rigor.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

  private static Spec parse(String yaml, String... overrides) throws SpecException {
    return SpecLoader.parse("spec.yaml", yaml, List.of(overrides)).spec();
  }

  private static List<String> errors(String yaml) {
    try {
      parse(yaml);
      throw new AssertionError("expected errors");
    } catch (SpecException e) {
      return e.errors().stream().map(SpecError::message).toList();
    }
  }

  @Test
  void readsEveryFieldOfTheDesignExample() throws Exception {
    Spec s = parse("""
        name: sched-smoke
        description: Scheduling policies
        out_root: out
        command: [java, -jar, sim.jar, --out_dir, "{out}"]
        args: flags
        params: {pdfs: 10, time_scale: 50, heavy_tail_prob: 0.02, routing: true}
        matrix:
          workflows: [5, 50]
          policy: [fifo_cheapest, full]
          exclude: [{workflows: 50, policy: fifo_cheapest}]
        seeds: {count: 3, start: 1072, step: 1071}
        ablations:
          - name: baseline
          - name: no_hedge
            flags: [--disable_hedging]
            params: {hedging: false}
        replicates: 2
        jobs: 3
        timeout: 10m
        retries: 1
        order: random
        order_seed: 7
        env: {SIM_LOG: warn, THREADS: 1}
        metrics:
          - csv: out/summary.csv
          - csv: out/tiers.csv
            key: [provider, tier_id]
            name: "{provider}_tier{tier_id}_{column}"
          - regex: {file: stdout, pattern: "makespan=([0-9.]+)", name: makespan_log, type: float}
          - json: out/extra.json
        goals: {makespan_p95_ms: min, accuracy: max}
        success: {exit_code: [0, 3], files: [out/summary.csv], metrics: [makespan_log]}
        limits: {memory: 2g, cpus: 1.5}
        measure: proc
        kill_grace: 2s
        report: {facet: workflows, control: {policy: fifo_cheapest}, metrics: [makespan_p95_ms]}
        """);

    assertThat(s.name()).isEqualTo("sched-smoke");
    assertThat(s.outRoot()).isEqualTo("out");
    assertThat(s.args()).isEqualTo(ArgsMode.FLAGS);
    assertThat(s.params()).containsExactly(Map.entry("pdfs", 10L), Map.entry("time_scale", 50L),
        Map.entry("heavy_tail_prob", 0.02), Map.entry("routing", true));
    assertThat(s.matrix().axes()).containsOnlyKeys("workflows", "policy");
    assertThat(s.matrix().exclude()).hasSize(1);
    assertThat(s.seeds().values()).containsExactly(1072L, 2143L, 3214L);
    assertThat(s.ablations()).extracting(Ablation::name).containsExactly("baseline", "no_hedge");
    assertThat(s.ablations().get(1).params()).containsEntry("hedging", false);
    assertThat(s.replicates()).isEqualTo(2);
    assertThat(s.jobs()).isEqualTo(3);
    assertThat(s.timeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.retries()).isEqualTo(1);
    assertThat(s.order()).isEqualTo(Order.RANDOM);
    assertThat(s.orderSeed()).isEqualTo(7);
    assertThat(s.env().get("THREADS").raw()).isEqualTo("1");
    assertThat(s.metrics()).hasSize(4);
    assertThat(((MetricSpec.Csv) s.metrics().get(1)).key()).containsExactly("provider", "tier_id");
    assertThat(((MetricSpec.Regex) s.metrics().get(2)).type()).isEqualTo(MetricSpec.ValueType.FLOAT);
    assertThat(s.goals()).containsEntry("makespan_p95_ms", Goal.MIN).containsEntry("accuracy", Goal.MAX);
    assertThat(s.success().exitCodes()).containsExactlyInAnyOrder(0, 3);
    assertThat(s.limits().memoryBytes()).isEqualTo(2L << 30);
    assertThat(s.limits().cpus()).isEqualTo(1.5);
    assertThat(s.measure()).isEqualTo(MeasureMode.PROC);
    assertThat(s.killGrace()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.report().facet()).isEqualTo("workflows");
  }

  @Test
  void yamlAndJsonGiveTheSameSpec() throws Exception {
    String yaml = "name: x\ncommand: [echo, \"{a}\"]\nmatrix: {a: [1, 2]}\nseeds: [3]\n";
    String json = "{\"name\": \"x\", \"command\": [\"echo\", \"{a}\"], \"matrix\": {\"a\": [1, 2]}, \"seeds\": [3]}";
    assertThat(SpecLoader.parse("s.json", json, List.of()).spec()).isEqualTo(parse(yaml));
  }

  @Test
  void defaultsAreSensible() throws Exception {
    Spec s = parse("name: x\ncommand: [true]\n");
    assertThat(s.outRoot()).isEqualTo("runs");
    assertThat(s.ablations()).containsExactly(Ablation.BASELINE);
    assertThat(s.seeds().declared()).isFalse();
    assertThat(s.replicates()).isEqualTo(1);
    assertThat(s.jobs()).isNull();
    assertThat(s.timeout()).isNull();
    assertThat(s.order()).isEqualTo(Order.INTERLEAVED);
    assertThat(s.success()).isEqualTo(SuccessCriteria.DEFAULT);
    assertThat(s.measure()).isEqualTo(MeasureMode.AUTO);
  }

  @Test
  void setOverridesKeysAxesAndParamsBeforeValidation() throws Exception {
    String yaml = "name: x\ncommand: [echo]\nparams: {lr: 0.1}\nmatrix: {policy: [a, b]}\njobs: 1\n";
    Spec s = parse(yaml, "jobs=4", "policy=b", "lr=0.5", "+params.batch=32", "limits.memory=512m", "seeds={count: 3, start: 5}");
    assertThat(s.jobs()).isEqualTo(4);
    assertThat(s.matrix().axes().get("policy")).containsExactly("b");
    assertThat(s.params()).containsEntry("lr", 0.5).containsEntry("batch", 32L);
    assertThat(s.limits().memoryBytes()).isEqualTo(512L << 20);
    assertThat(s.seeds().values()).containsExactly(5L, 6L, 7L);

    assertThatThrownBy(() -> parse(yaml, "jobs=zero")).isInstanceOf(SpecException.class)
        .hasMessageContaining("--set jobs: error: 'jobs' must be an integer");
    assertThatThrownBy(() -> parse(yaml, "params.batch=32")).isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown param 'batch'").hasMessageContaining("--set +params.batch=32");
    assertThatThrownBy(() -> parse(yaml, "lrr=0.2")).isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown param 'lrr' — did you mean 'lr'?");
  }

  @Test
  void acceptsTheSeed004SweepJsonUnchanged() throws Exception {
    Spec s = SpecLoader.load(dev.rigor.testing.CliRun.repo().resolve("examples/sched/default.json"), List.of()).spec();
    assertThat(s.command().get(0).raw()).isEqualTo("examples/sched/sched-sim");
    assertThat(s.args()).isEqualTo(ArgsMode.FLAGS);
    assertThat(s.params()).containsKeys("pdfs", "iters", "subqueries", "time_scale", "enable_model_routing");
    assertThat(s.matrix().axes()).containsOnlyKeys("workflows", "policy");
    assertThat(s.seeds().values()).containsExactly(1L, 2L, 3L);
    assertThat(s.ablations()).extracting(Ablation::name).containsExactly("baseline", "no_hedge", "no_escalation", "no_dag_priority");
    assertThat(s.metrics()).hasSize(2);
    assertThat(((MetricSpec.Csv) s.metrics().get(1)).name().raw()).isEqualTo("{provider}_tier{tier_id}_{column}");
    assertThat(s.order()).isEqualTo(Order.GRID);
  }

  @Test
  void rejectsReservedAndConflictingNames() {
    assertThat(errors("name: x\ncommand: [echo]\nparams: {seed: 1, lr: 1}\nmatrix: {lr: [1, 2]}\n"))
        .anySatisfy(m -> assertThat(m).contains("'seed' in params is reserved"))
        .anySatisfy(m -> assertThat(m).contains("'lr' is both a fixed param and a matrix axis"));
  }

  @Test
  void rejectsDuplicateSeedsAndValuesAndKeys() {
    assertThat(errors("name: x\ncommand: [echo]\nseeds: [1, 1]\nmatrix: {a: [1, 1.0]}\nname: y\n"))
        .anySatisfy(m -> assertThat(m).contains("duplicate seed 1"))
        .anySatisfy(m -> assertThat(m).contains("duplicate value 1 in matrix axis 'a'"))
        .anySatisfy(m -> assertThat(m).contains("duplicate key 'name'"));
  }

  @Test
  void axisValuesAreDuplicatesOnlyWhenTheyAreTheSameValue() {
    assertThat(errors("name: x\ncommand: [echo]\nmatrix: {a: [0, -0.0], b: [\"1\", 1, true, \"true\"]}\n"))
        .containsExactly("spec.yaml:3:17: error: duplicate value 0 in matrix axis 'a' — list each value once");
  }

  @Test
  void nameMustBeFileNameSafe() {
    assertThat(errors("name: my experiment\ncommand: [echo]\n"))
        .singleElement().asString().contains("use letters, digits").contains("my-experiment");
  }

  @Test
  void parsesQuantities() {
    assertThat(Quantities.duration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Quantities.duration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Quantities.duration("1.5m")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Quantities.duration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Quantities.size("512m")).isEqualTo(512L << 20);
    assertThat(Quantities.size("2G")).isEqualTo(2L << 30);
    assertThat(Quantities.size("1kb")).isEqualTo(1024);
    assertThatThrownBy(() -> Quantities.duration("ten minutes")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Quantities.format(Duration.ofMinutes(10))).isEqualTo("10m");
  }

  @Test
  void templatesHandleEscapesAndReportMalformedOnes() {
    Template t = Template.parse("{{literal}} {a}-{b}");
    assertThat(t.names()).containsExactly("a", "b");
    assertThat(t.render(Map.of("a", "1", "b", "2")::get)).isEqualTo("{literal} 1-2");
    assertThatThrownBy(() -> Template.parse("{open")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> Template.parse("close}")).hasMessageContaining("unmatched '}'");
  }
}
