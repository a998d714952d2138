package dev.rigor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rigor.stats.Bootstrap;
import dev.rigor.stats.BootstrapConfig;
import dev.rigor.stats.EffectSizes;
import dev.rigor.stats.IntervalMethod;
import dev.rigor.stats.PValueAdjustment;
import dev.rigor.stats.PairedStatistic;
import dev.rigor.stats.RankTests;
import dev.rigor.stats.TTests;
import dev.rigor.stats.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare on a real experiment with known data: estimates, tests, corrections and verdicts against hand values and the stats library. */
class ComparisonsTest {

  @TempDir static Path dir;
  static RunValues values;

  @BeforeAll
  static void runToy() throws Exception {
    values = new RunValues(ExperimentReader.read(ToyExperiments.run(dir, "toy")));
  }

  private static ComparisonReport compare(List<String> candidates, List<String> metrics, CompareSettings s) throws Exception {
    List<Selector> cands = new ArrayList<>();
    for (String c : candidates) {
      cands.add(Selector.parse(c));
    }
    List<String> notes = new ArrayList<>();
    List<Contrast> contrasts = Contrasts.within(values, Selector.parse("variant=base"), cands, new Grouping(List.of()), notes);
    return Comparisons.compare(contrasts, values.resolve(metrics, null), s);
  }

  private static Comparison row(ComparisonReport r, String candidate, String metric) {
    return r.rows().stream().filter(c -> c.candidate().equals(candidate) && c.metric().name().equals(metric)).findFirst().orElseThrow();
  }

  @Test
  void pairedMeanDifferenceAndTStatisticMatchHandValues() throws Exception {
    ComparisonReport r = compare(List.of("variant=fast"), List.of("latency"), CompareSettings.defaults());
    Comparison c = row(r, "variant=fast", "latency");
    assertThat(c.paired()).isTrue();
    assertThat(c.candidateStats().n()).isEqualTo(6);
    // differences -5,-6,-4,-5,-6,-4: mean -5, sd sqrt(4/5), t = -5 / (sd / sqrt 6)
    assertThat(c.effect().orElseThrow().estimate()).isCloseTo(-5, within(1e-12));
    double sd = Math.sqrt(4.0 / 5);
    assertThat(c.test().orElseThrow().statistic()).isCloseTo(-5 / (sd / Math.sqrt(6)), within(1e-9));
    assertThat(c.test().orElseThrow().degreesOfFreedom().orElseThrow()).isEqualTo(5);
    assertThat(c.controlStats().mean()).isEqualTo(135);
    assertThat(c.candidateStats().mean()).isEqualTo(130);
    assertThat(c.relativeChange().orElseThrow()).isCloseTo(-5.0 / 135, within(1e-12));
    assertThat(c.effectSizeName()).isEqualTo("d_z");
    assertThat(c.effectSize().orElseThrow()).isCloseTo(-5 / sd, within(1e-9));
    assertThat(c.verdict()).isEqualTo(Verdict.BETTER);
  }

  @Test
  void bootstrapIntervalIsTheLibrarysPairedBcaWithTheRowsDerivedSeed() throws Exception {
    CompareSettings s = CompareSettings.defaults();
    Comparison c = row(compare(List.of("variant=fast"), List.of("latency"), s), "variant=fast", "latency");
    long seed = StreamSeeds.derive(s.seed(), "all", "variant=fast", "variant=base", "latency");
    var expected = Bootstrap.paired(ToyExperiments.fastLatency(), ToyExperiments.baseLatency(), PairedStatistic.meanDifference(),
        new BootstrapConfig(10_000, 0.95, seed)).interval(IntervalMethod.BCA);
    assertThat(c.effect().orElseThrow()).isEqualTo(expected);
  }

  @Test
  void outputDoesNotDependOnWhichOtherRowsWereAskedFor() throws Exception {
    Comparison alone = row(compare(List.of("variant=fast"), List.of("latency"), CompareSettings.defaults()), "variant=fast", "latency");
    Comparison among = row(compare(List.of("variant=slow", "variant=fast"), List.of("score", "latency"), CompareSettings.defaults()),
        "variant=fast", "latency");
    assertThat(among.effect()).isEqualTo(alone.effect());
  }

  @Test
  void holmAdjustsAcrossEveryMetricAndCandidateOfTheCommand() throws Exception {
    ComparisonReport r = compare(List.of("variant=fast", "variant=slow"), List.of("latency", "score"), CompareSettings.defaults());
    assertThat(r.tests()).isEqualTo(4);
    double[] raw = {
      TTests.paired(ToyExperiments.fastLatency(), ToyExperiments.baseLatency(), 0.95).pValue(),
      TTests.paired(ToyExperiments.fastScore(), ToyExperiments.baseScore(), 0.95).pValue(),
      TTests.paired(ToyExperiments.slowLatency(), ToyExperiments.baseLatency(), 0.95).pValue(),
      TTests.paired(ToyExperiments.slowScore(), ToyExperiments.baseScore(), 0.95).pValue(),
    };
    double[] holm = PValueAdjustment.HOLM.adjust(raw);
    assertThat(row(r, "variant=fast", "latency").adjustedPValue().orElseThrow()).isCloseTo(holm[0], within(1e-15));
    assertThat(row(r, "variant=fast", "score").adjustedPValue().orElseThrow()).isCloseTo(holm[1], within(1e-15));
    assertThat(row(r, "variant=slow", "latency").adjustedPValue().orElseThrow()).isCloseTo(holm[2], within(1e-15));
    assertThat(row(r, "variant=slow", "score").adjustedPValue().orElseThrow()).isCloseTo(holm[3], within(1e-15));
    // slow/latency: p = 0.0756 raw — not significant, adjusted or not
    assertThat(row(r, "variant=slow", "latency").verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
  }

  @Test
  void verdictUsesTheAdjustedNotTheRawPValue() throws Exception {
    // fast/score: paired differences 1,2,1,2,1,2; raw p ≈ 0.0011. With --alpha 0.002 it passes alone but not after Holm over 4.
    CompareSettings s = new CompareSettings(EffectStatistic.MEAN_DIFF, TestChoice.T, Correction.HOLM, IntervalChoice.BCA, 0.002,
        10_000, 1, PairingMode.AUTO);
    Comparison alone = row(compare(List.of("variant=fast"), List.of("score"), s), "variant=fast", "score");
    assertThat(alone.pValue().orElseThrow()).isLessThan(0.002);
    assertThat(alone.verdict()).isEqualTo(Verdict.BETTER);
    ComparisonReport four = compare(List.of("variant=fast", "variant=slow"), List.of("latency", "score"), s);
    Comparison adjusted = row(four, "variant=fast", "score");
    assertThat(adjusted.pValue().orElseThrow()).isLessThan(0.002);
    assertThat(adjusted.adjustedPValue().orElseThrow()).isGreaterThan(0.002);
    assertThat(adjusted.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
  }

  @Test
  void verdictDirectionFollowsTheGoal() throws Exception {
    CompareSettings none = new CompareSettings(EffectStatistic.MEAN_DIFF, TestChoice.T, Correction.NONE, IntervalChoice.BCA, 0.05,
        10_000, 1, PairingMode.AUTO);
    ComparisonReport r = compare(List.of("variant=fast", "variant=slow"), List.of("latency", "score"), none);
    assertThat(row(r, "variant=fast", "latency").verdict()).as("lower latency, goal min").isEqualTo(Verdict.BETTER);
    assertThat(row(r, "variant=fast", "score").verdict()).as("higher score, goal max").isEqualTo(Verdict.BETTER);
    // slow/score: differences 0,-3 alternating → p ≈ 0.076, not significant; at alpha 0.1 it is worse (lower score, goal max)
    CompareSettings loose = new CompareSettings(EffectStatistic.MEAN_DIFF, TestChoice.T, Correction.NONE, IntervalChoice.BCA, 0.1,
        10_000, 1, PairingMode.AUTO);
    assertThat(row(compare(List.of("variant=slow"), List.of("score", "latency"), loose), "variant=slow", "score").verdict())
        .isEqualTo(Verdict.WORSE);
    assertThat(row(compare(List.of("variant=slow"), List.of("latency"), loose), "variant=slow", "latency").verdict())
        .as("higher latency, goal min").isEqualTo(Verdict.WORSE);
    assertThat(compare(List.of("variant=slow"), List.of("latency"), loose).hasRegression()).isTrue();
  }

  @Test
  void metricsWithoutAGoalAreHigherOrLower() throws Exception {
    CompareSettings s = CompareSettings.defaults();
    Comparison tokens = row(compare(List.of("variant=fast"), List.of("tokens"), s), "variant=fast", "tokens");
    assertThat(tokens.goal()).isEmpty();
    assertThat(tokens.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(Verdict.of(true, true, java.util.Optional.empty())).isEqualTo(Verdict.HIGHER);
    assertThat(Verdict.of(true, false, java.util.Optional.empty())).isEqualTo(Verdict.LOWER);
    assertThat(Verdict.HIGHER.text()).isEqualTo("higher");
    assertThat(Verdict.NO_DIFFERENCE.text()).isEqualTo("no significant difference");
  }

  @Test
  void wilcoxonUsesSignedRankAndRankBiserial() throws Exception {
    CompareSettings s = new CompareSettings(EffectStatistic.MEAN_DIFF, TestChoice.WILCOXON, Correction.HOLM, IntervalChoice.BCA, 0.05,
        10_000, 1, PairingMode.AUTO);
    Comparison c = row(compare(List.of("variant=fast"), List.of("latency"), s), "variant=fast", "latency");
    TestResult expected = RankTests.wilcoxonSignedRank(ToyExperiments.fastLatency(), ToyExperiments.baseLatency());
    assertThat(c.test().orElseThrow().pValue()).isEqualTo(expected.pValue());
    assertThat(c.effectSizeName()).isEqualTo("r_rb");
    assertThat(c.effectSize().orElseThrow()).isEqualTo(-1.0);
    assertThat(c.verdict()).isEqualTo(Verdict.BETTER);
  }

  @Test
  void ratioAndMedianStatistics() throws Exception {
    CompareSettings ratio = new CompareSettings(EffectStatistic.RATIO, TestChoice.T, Correction.HOLM, IntervalChoice.PERCENTILE, 0.05,
        2_000, 1, PairingMode.AUTO);
    Comparison r = row(compare(List.of("variant=fast"), List.of("latency"), ratio), "variant=fast", "latency");
    assertThat(r.effect().orElseThrow().estimate()).isCloseTo(130.0 / 135, within(1e-12));
    assertThat(r.relativeChange().orElseThrow()).isCloseTo(130.0 / 135 - 1, within(1e-12));
    CompareSettings median = new CompareSettings(EffectStatistic.MEDIAN_DIFF, TestChoice.NONE, Correction.NONE, IntervalChoice.BCA,
        0.05, 2_000, 1, PairingMode.AUTO);
    Comparison m = row(compare(List.of("variant=fast"), List.of("latency"), median), "variant=fast", "latency");
    assertThat(m.effect().orElseThrow().estimate()).as("median of -5,-6,-4,-5,-6,-4").isEqualTo(-5);
    assertThat(m.test()).isEmpty();
    assertThat(m.verdict()).as("--test none: the CI excludes 0").isEqualTo(Verdict.BETTER);
  }

  @Test
  void testNoneWidensTheIntervalByBonferroni() throws Exception {
    CompareSettings s = new CompareSettings(EffectStatistic.MEAN_DIFF, TestChoice.NONE, Correction.HOLM, IntervalChoice.BCA, 0.05,
        2_000, 1, PairingMode.AUTO);
    ComparisonReport r = compare(List.of("variant=fast", "variant=slow"), List.of("latency", "score"), s);
    assertThat(r.ciConfidence()).isCloseTo(1 - 0.05 / 4, within(1e-15));
    assertThat(row(r, "variant=fast", "latency").effect().orElseThrow().confidence()).isCloseTo(0.9875, within(1e-15));
    assertThat(r.tests()).isZero();
  }

  @Test
  void aFailedRunLeavesItsSeedOutOfThePairsAndNoneMakesItUnpaired(@TempDir Path other) throws Exception {
    RunValues flaky = new RunValues(ExperimentReader.read(ToyExperiments.run(other, "flaky", "fail_seed=3")));
    List<String> notes = new ArrayList<>();
    List<Contrast> contrasts = Contrasts.within(flaky, Selector.parse("variant=base"), List.of(Selector.parse("variant=fast")),
        new Grouping(List.of()), notes);
    List<Metric> latency = flaky.resolve(List.of("latency"), null);

    ComparisonReport auto = Comparisons.compare(contrasts, latency, CompareSettings.defaults());
    Comparison paired = auto.rows().get(0);
    assertThat(paired.paired()).isTrue();
    assertThat(paired.candidateStats().n()).isEqualTo(5);
    assertThat(paired.controlStats().n()).as("seed 3 of the control is left out with its partner").isEqualTo(5);
    assertThat(paired.effect().orElseThrow().estimate()).as("mean of -5,-6,-5,-6,-4").isCloseTo(-26.0 / 5, within(1e-12));
    assertThat(paired.effectSizeName()).isEqualTo("d_z");
    assertThat(auto.notes()).anyMatch(n -> n.contains("paired by seed (5 pairs; left out: 1 of 11 runs have no partner"))
        .anyMatch(n -> n.contains("1 of 6 runs of variant=fast are not ok") && n.contains("1 failed"));
    CompareSettings seed = new CompareSettings(EffectStatistic.MEAN_DIFF, TestChoice.T, Correction.HOLM, IntervalChoice.BCA, 0.05,
        10_000, 1, PairingMode.SEED);
    assertThat(Comparisons.compare(contrasts, latency, seed).rows()).isEqualTo(auto.rows());

    CompareSettings none = new CompareSettings(EffectStatistic.MEAN_DIFF, TestChoice.T, Correction.HOLM, IntervalChoice.BCA, 0.05,
        10_000, 1, PairingMode.NONE);
    Comparison unpaired = Comparisons.compare(contrasts, latency, none).rows().get(0);
    assertThat(unpaired.paired()).isFalse();
    assertThat(unpaired.controlStats().n()).isEqualTo(6);
    double[] fastOk = {105, 114, 135, 144, 156};
    assertThat(unpaired.test().orElseThrow().statistic())
        .isCloseTo(TTests.welch(fastOk, ToyExperiments.baseLatency(), 0.95).statistic(), within(1e-12));
    assertThat(unpaired.effectSize().orElseThrow()).isCloseTo(EffectSizes.hedgesG(fastOk, ToyExperiments.baseLatency()), within(1e-12));
  }

}
