package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimConfigTest {

  @Test
  void defaultsComeFromParam() {
    SimConfig c = SimConfig.defaults();

    assertThat(c.workflows()).isEqualTo(20);
    assertThat(c.policy()).isEqualTo(Policy.FULL);
    assertThat(c.timeScale()).isEqualTo(50);
    assertThat(c.meanArrivalGapMs()).isEqualTo(6_000);
    assertThat(c.modelRouting()).isFalse();
    assertThat(c.mechanisms()).containsExactly(Mechanism.values());
  }

  @Test
  void acceptsTextAndTypedValuesAlike() {
    SimConfig fromText = SimConfig.fromParams(Map.of("workflows", "50", "policy", "dag_cheapest",
        "heavy_tail_prob", "0.05", "enable_model_routing", "true", "time_scale", "80"));
    SimConfig typed = SimConfig.fromParams(Map.of("workflows", 50.0, "policy",
        Policy.DAG_CHEAPEST, "heavy_tail_prob", 0.05, "enable_model_routing", true,
        "time_scale", 80));

    assertThat(typed).isEqualTo(fromText);
    assertThat(typed.workflows()).isEqualTo(50);
  }

  @Test
  void toParamsRoundTrips() {
    SimConfig c = SeedAverages.seed004(77, Policy.DAG_ESCALATION)
        .withDisabled(Mechanism.DAG_PRIORITY);

    assertThat(SimConfig.fromParams(c.toParams())).isEqualTo(c);
    assertThat(c.toParams()).containsKeys("workflows", "disable_dag_priority")
        .doesNotContainKeys("seed", "out_dir");
  }

  @Test
  void ablationSwitchesRemoveMechanismsFromThePolicy() {
    SimConfig c = SimConfig.fromParams(Map.of("policy", "full", "disable_hedging", true,
        "disable_dag_priority", "true"));

    assertThat(c.mechanisms()).containsExactly(Mechanism.ESCALATION);
    assertThat(c.uses(Mechanism.HEDGING)).isFalse();
    assertThat(SimConfig.fromParams(Map.of("policy", "dag_cheapest", "disable_hedging", true))
        .mechanisms()).containsExactly(Mechanism.DAG_PRIORITY);
  }

  @Test
  void runParametersAreIgnoredSoATrialsWholeMapCanBePassed() {
    assertThat(SimConfig.fromParams(Map.of("seed", 9, "out_dir", "/tmp/x")))
        .isEqualTo(SimConfig.defaults());
  }

  @Test
  void unknownKeysAreRejectedWithASuggestion() {
    assertThatThrownBy(() -> SimConfig.fromParams(Map.of("heavy_tail_pob", 0.1)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("heavy_tail_pob: unknown parameter — did you mean 'heavy_tail_prob'?");
  }

  @Test
  void badValuesNameTheParameter() {
    assertRejected("workflows", "0", "workflows: must be between 1 and 100000, got 0");
    assertRejected("workflows", "2.5", "workflows: expected an integer, got '2.5'");
    assertRejected("time_scale", "fast", "time_scale: expected a number, got 'fast'");
    assertRejected("time_scale", "0", "time_scale: must be between 0.000001 and 1000000, got 0");
    assertRejected("heavy_tail_prob", "1.5",
        "heavy_tail_prob: must be between 0 and 1, got 1.5");
    assertRejected("heavy_tail_mult", "0.5",
        "heavy_tail_mult: must be between 1 and 10000, got 0.5");
    assertRejected("enable_model_routing", "yes",
        "enable_model_routing: expected true or false, got 'yes'");
    assertRejected("policy", "greedy", "policy: unknown policy 'greedy' — use one of "
        + "fifo_cheapest, dag_cheapest, dag_escalation, full");
  }

  @Test
  void refusesRunsThatWouldTakeTooLong() {
    Map<String, Object> huge = new HashMap<>();
    huge.put("workflows", 100_000);
    huge.put("subqueries", 1_000);

    assertThatThrownBy(() -> SimConfig.fromParams(huge))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("workflows: the run would simulate");
  }

  private static void assertRejected(String key, String value, String message) {
    assertThatThrownBy(() -> SimConfig.fromParams(Map.of(key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message)
        .extracting(e -> ((ConfigException) e).key()).isEqualTo(key);
  }
}
