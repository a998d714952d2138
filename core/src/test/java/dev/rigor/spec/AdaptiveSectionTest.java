package dev.rigor.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adaptive: section: defaults, the seed sequence it extends, and every error with where and how to fix. */
class AdaptiveSectionTest {

  private static final String HEAD = "name: a\ncommand: [python3, t.py]\nmatrix: {arch: [x, y]}\n";

  private static Spec parse(String yaml) throws SpecException {
    return SpecLoader.parse("spec.yaml", yaml, List.of()).spec();
  }

  private static String errors(String yaml) {
    try {
      parse(yaml);
      throw new AssertionError("no error for " + yaml);
    } catch (SpecException e) {
      return String.join("\n", e.errors().stream().map(SpecError::message).toList());
    }
  }

  @Test
  void aStartStepSequenceRunsToMaxSeeds() throws Exception {
    Spec s = parse(HEAD + "seeds: {start: 1072, step: 1071}\nadaptive: {metrics: [auc], until: {ci_halfwidth: 2%}, min_seeds: 3, max_seeds: 6, batch: 2}\n");
    assertThat(s.seeds().values()).containsExactly(1072L, 2143L, 3214L, 4285L, 5356L, 6427L);
    assertThat(s.adaptive().until()).isEqualTo(new Adaptive.HalfWidth(0.02, true));
    assertThat(s.adaptive().minSeeds()).isEqualTo(3);
    assertThat(s.adaptive().batch()).isEqualTo(2);
    assertThat(s.adaptive().alpha()).isEqualTo(0.05);
  }

  @Test
  void decidedTakesAControlAndAMargin() throws Exception {
    Spec s = parse(HEAD + "seeds: {count: 4}\nadaptive: {metrics: auc, until: {decided: {control: \"arch=x\", margin: 0.5}}, max_seeds: 8}\n");
    assertThat(s.adaptive().until()).isEqualTo(new Adaptive.Decided(Map.of("arch", "x"), 0.5, false));
    assertThat(s.seeds().values()).hasSize(8);
    assertThat(s.adaptive().minSeeds()).isEqualTo(5);
  }

  @Test
  void mistakesAreReportedWithWhereAndHowToFix() {
    assertThat(errors(HEAD + "adaptive: {metrics: [auc], until: {ci_halfwidth: 2%}}\n"))
        .contains("spec.yaml:4:").contains("'adaptive' adds seeds, but the spec has no 'seeds'");
    assertThat(errors(HEAD + "seeds: [1, 2, 3]\nadaptive: {metrics: [auc], until: {ci_halfwidth: 2%}, max_seeds: 5}\n"))
        .contains("'seeds' lists only 3").contains("seeds: {start: 1, step: 1}");
    assertThat(errors(HEAD + "seeds: {count: 3}\nadaptive: {metrics: [auc], until: {ci_halfwidht: 2%}}\n"))
        .contains("did you mean 'ci_halfwidth'");
    assertThat(errors(HEAD + "seeds: {count: 3}\nadaptive: {metrics: [auc], until: {decided: {control: \"acrh=x\"}}}\n"))
        .contains("unknown axis 'acrh'").contains("arch");
    assertThat(errors(HEAD + "seeds: {count: 3}\nadaptive: {metrics: [auc], until: {ci_halfwidth: 2%}, min_seeds: 9, max_seeds: 4}\n"))
        .contains("is below min_seeds");
    assertThat(errors(HEAD + "seeds: {count: 3}\nadaptve: {}\n")).contains("did you mean 'adaptive'");
  }

  @Test
  void withoutAdaptiveASeedsMapStillNeedsACount() {
    assertThatThrownBy(() -> parse(HEAD + "seeds: {start: 3}\n")).hasMessageContaining("'seeds' needs a 'count'");
  }
}
