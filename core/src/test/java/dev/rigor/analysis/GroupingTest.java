package dev.rigor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupingTest {

  @TempDir static Path dir;
  static Experiment toy;

  @BeforeAll
  static void runToy() throws Exception {
    toy = ExperimentReader.read(ToyExperiments.run(dir, "toy"));
  }

  @Test
  void defaultIsByVariationInSpecOrder() throws Exception {
    Grouping g = Grouping.parse(null, toy);
    assertThat(g.axes()).as("one ablation: not part of the variation").containsExactly("variant");
    assertThat(g.apply(toy, toy.runs()).stream().map(x -> x.key().label())).containsExactly("variant=base", "variant=fast", "variant=slow");
  }

  @Test
  void byOtherAttributesAndNone() throws Exception {
    assertThat(Grouping.parse("seed,variant", toy).apply(toy, toy.runs())).hasSize(18)
        .first().satisfies(g -> assertThat(g.key().label()).isEqualTo("seed=1, variant=base"));
    assertThat(Grouping.parse("none", toy).apply(toy, toy.runs())).singleElement()
        .satisfies(g -> assertThat(g.runs()).hasSize(18));
    assertThat(Grouping.parse("ablation_name", toy).axes()).containsExactly("ablation");
  }

  @Test
  void unknownAxisSuggestsTheClosest() {
    assertThatThrownBy(() -> Grouping.parse("variants", toy)).isInstanceOf(AnalysisException.class)
        .hasMessage("--by variants: toy has no parameter 'variants' — did you mean 'variant'?");
  }

  @Test
  void valuesAreOrderedAsDeclaredThenNumerically() {
    assertThat(toy.valuesOf("variant", toy.runs())).containsExactly("base", "fast", "slow");
    assertThat(toy.valuesOf("seed", toy.runs())).containsExactly("1", "2", "3", "4", "5", "6");
    assertThat(List.of("10", "9", "b", "a").stream().sorted(toy.valueOrder("unknown")).toList()).containsExactly("9", "10", "a", "b");
  }
}
