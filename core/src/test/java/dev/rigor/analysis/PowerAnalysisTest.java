package dev.rigor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rigor.stats.Summary;
import dev.rigor.stats.TTestDesign;
import dev.rigor.stats.TTestPower;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerAnalysisTest {

  @TempDir static Path dir;
  static RunValues values;

  @BeforeAll
  static void runToy() throws Exception {
    values = new RunValues(ExperimentReader.read(ToyExperiments.run(dir, "toy")));
  }

  private static List<PowerResult> plan(Optional<Selector> control, String effect) throws Exception {
    return PowerAnalysis.compute(values, Grouping.byVariation(values.experiment()), Metric.scalar("latency"), control,
        new PowerSettings(EffectSize.parse(effect), 0.05, 0.8));
  }

  @Test
  void pairedDesignUsesTheSdOfThePerSeedDifferences() throws Exception {
    List<PowerResult> rows = plan(Optional.of(Selector.parse("variant=base")), "1%");
    PowerResult fast = rows.get(0);
    assertThat(fast.design()).contains(TTestDesign.PAIRED);
    assertThat(fast.baseline()).isEqualTo("variant=base");
    assertThat(fast.n()).isEqualTo(6);
    double sd = Math.sqrt(4.0 / 5);
    assertThat(fast.sd()).isCloseTo(sd, within(1e-12));
    assertThat(fast.delta()).isCloseTo(1.35, within(1e-12));
    assertThat(fast.needed().getAsInt()).isEqualTo(TTestPower.sampleSize(TTestDesign.PAIRED, 1.35, sd, 0.05, 0.8).wholeN());
    assertThat(fast.achievedPower().getAsDouble())
        .isCloseTo(TTestPower.power(TTestDesign.PAIRED, 6, 1.35, sd, 0.05).power(), within(1e-12));
    assertThat(fast.reason()).contains("paired by seed (6 pairs)").contains("sd of the per-seed differences");
  }

  @Test
  void theControlIsNotPlannedAgainstItselfAndNoControlIsTwoSampleWithItsOwnSd() throws Exception {
    List<PowerResult> withControl = plan(Optional.of(Selector.parse("variant=base")), "5%");
    assertThat(withControl).hasSize(2).noneSatisfy(r -> assertThat(r.baseline()).isEqualTo("itself"));
    PowerResult base = plan(Optional.empty(), "5%").get(0);
    assertThat(base.design()).contains(TTestDesign.TWO_SAMPLE);
    double sd = Summary.of(ToyExperiments.baseLatency()).standardDeviation();
    assertThat(base.sd()).isCloseTo(sd, within(1e-12));
    assertThat(base.needed().getAsInt())
        .isEqualTo(TTestPower.sampleSize(TTestDesign.TWO_SAMPLE, 0.05 * 135, sd, 0.05, 0.8).wholeN());

    PowerResult slow = plan(Optional.empty(), "0.3").get(2);
    assertThat(slow.design()).contains(TTestDesign.TWO_SAMPLE);
    assertThat(slow.delta()).isEqualTo(0.3);
    assertThat(slow.reason()).startsWith("no control");
  }

  @Test
  void effectSizes() throws Exception {
    assertThat(EffectSize.parse("5%")).isEqualTo(new EffectSize(0.05, true));
    assertThat(EffectSize.parse("0.3").delta(100)).isEqualTo(0.3);
    assertThat(EffectSize.parse("5%").delta(-200)).isEqualTo(10);
    assertThat(EffectSize.parse("5%").text()).isEqualTo("5%");
  }
}
