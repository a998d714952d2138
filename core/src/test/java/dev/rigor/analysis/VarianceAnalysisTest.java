package dev.rigor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.stats.CurveBound;
import dev.rigor.stats.VarianceMeasure;
import dev.rigor.stats.VarianceVsN;
import dev.rigor.stats.VarianceVsNConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarianceAnalysisTest {

  @TempDir static Path dir;
  static RunValues values;

  @BeforeAll
  static void runToy() throws Exception {
    values = new RunValues(ExperimentReader.read(ToyExperiments.run(dir, "toy")));
  }

  @Test
  void curvePerGroupWithAStableMinimumN() {
    VarianceSettings s = VarianceSettings.defaults();
    List<VarianceResult> rows = VarianceAnalysis.compute(values, Grouping.byVariation(values.experiment()), Metric.scalar("latency"), s);
    assertThat(rows).hasSize(3);
    VarianceResult base = rows.get(0);
    assertThat(base.n()).isEqualTo(6);
    assertThat(base.mean()).isEqualTo(135);
    assertThat(base.maxN()).as("default max(N, 50)").isEqualTo(50);
    long seed = StreamSeeds.derive(s.seed(), "variant=base", "latency");
    var expected = VarianceVsN.compute(ToyExperiments.baseLatency(), 50, new VarianceVsNConfig(2000, 0.1, 0.9, 0.95, seed));
    assertThat(base.curve().orElseThrow()).isEqualTo(expected);
    assertThat(base.minNCv()).isEqualTo(expected.minimumN(VarianceMeasure.CV_OF_MEAN, CurveBound.CENTRAL, 0.05));
    // CV 13.9%: the CV of the mean (≈ 0.127/√n) stays under 5% from n ≈ 7
    assertThat(base.minNCv().getAsInt()).isBetween(5, 9);
    assertThat(base.minNCvUpper().getAsInt()).isGreaterThanOrEqualTo(base.minNCv().getAsInt());
    assertThat(base.minNHalfWidth().getAsInt()).isGreaterThan(base.minNCv().getAsInt());
  }

  @Test
  void fewerThanTwoRunsHaveNoCurve() throws Exception {
    Grouping bySeedAndVariant = Grouping.parse("variant,seed", values.experiment());
    List<VarianceResult> rows = VarianceAnalysis.compute(values, bySeedAndVariant, Metric.scalar("latency"), VarianceSettings.defaults());
    assertThat(rows).hasSize(18).allSatisfy(r -> {
      assertThat(r.curve()).isEmpty();
      assertThat(r.minNCv()).isEmpty();
      assertThat(r.n()).isEqualTo(1);
    });
  }
}
