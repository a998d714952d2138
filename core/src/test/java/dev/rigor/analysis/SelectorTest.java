package dev.rigor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectorTest {

  @TempDir static Path dir;
  static Experiment toy;

  @BeforeAll
  static void runToy() throws Exception {
    toy = ExperimentReader.read(ToyExperiments.run(dir, "toy"));
  }

  @Test
  void parsesConditions() throws Exception {
    Selector s = Selector.parse("variant=fast, seed=3");
    assertThat(s.conditions()).containsExactly(new Selector.Condition("variant", "fast"), new Selector.Condition("seed", "3"));
    assertThat(s.text()).isEqualTo("variant=fast,seed=3");
    assertThat(Selector.parse("ablation_name=x").keys()).containsExactly("ablation");
    assertThatThrownBy(() -> Selector.parse("variant")).isInstanceOf(AnalysisException.class).hasMessageContaining("key=value");
  }

  @Test
  void selectsByParameterSeedAndAblation() throws Exception {
    assertThat(Selector.parse("variant=fast").select(toy, "--candidate")).hasSize(6);
    assertThat(Selector.parse("variant=fast,seed=3").select(toy, "--candidate")).singleElement()
        .satisfies(r -> assertThat(r.meta().seed()).isEqualTo(3L));
    assertThat(Selector.parse("ablation=baseline").select(toy, "--candidate")).hasSize(18);
  }

  @Test
  void numbersMatchAsText() throws Exception {
    assertThat(Selector.parse("shift=0.0,seed=2.0").select(toy, "--control")).hasSize(3);
    assertThat(ValueText.same("50", "50.0")).isTrue();
    assertThat(ValueText.same("5e1", "50")).isTrue();
    assertThat(ValueText.same("fast", "fast ")).isFalse();
    assertThat(ValueText.of(50.0)).isEqualTo("50");
    assertThat(ValueText.of(0.02)).isEqualTo("0.02");
  }

  @Test
  void unknownParameterSuggestsTheClosest() {
    assertThatThrownBy(() -> Selector.parse("varaint=fast").select(toy, "--candidate"))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("--candidate 'varaint=fast': toy has no parameter 'varaint' — did you mean 'variant'?");
  }

  @Test
  void valueNoRunHasListsTheValuesThatExist() {
    assertThatThrownBy(() -> Selector.parse("variant=fsat").select(toy, "--control"))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("--control 'variant=fsat': no run has variant=fsat; variant has base, fast, slow — did you mean 'fast'?");
  }

  @Test
  void combinationNoRunHasListsTheCombinations() {
    assertThatThrownBy(() -> Selector.parse("variant=fast,seed=9").select(toy, "--candidate"))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("no run has seed=9; seed has 1, 2, 3, 4, 5, 6");
    assertThatThrownBy(() -> Selector.parse("variant=fast,shift=1").select(toy, "--candidate"))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("no run has shift=1; shift has 0");
  }
}
