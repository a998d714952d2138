package dev.rigor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rigor.store.RunRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunValuesTest {

  @TempDir static Path dir;
  static RunValues values;
  static List<RunRecord> base;
  static List<RunRecord> fast;

  @BeforeAll
  static void runToy() throws Exception {
    values = new RunValues(ExperimentReader.read(ToyExperiments.run(dir, "toy")));
    base = Selector.parse("variant=base").select(values.experiment(), "t");
    fast = Selector.parse("variant=fast").select(values.experiment(), "t");
  }

  private static Metric reward(String summary, String window) throws AnalysisException {
    return values.resolve(List.of("reward"), SeriesReduction.parse(summary, window, 2)).get(0);
  }

  @Test
  void scalarsAndBuiltins() throws Exception {
    assertThat(values.values(base, Metric.scalar("latency"))).containsExactly(ToyExperiments.baseLatency());
    assertThat(java.util.Arrays.stream(values.values(base, Metric.scalar("wall_time_s")))).hasSize(6).allMatch(v -> v > 0);
    assertThat(values.seriesNames()).containsExactly("reward");
  }

  @Test
  void seriesBecomeOneNumberPerRun() throws Exception {
    // reward_i = i·s (+ i for fast) at steps 1..4
    assertThat(values.values(base, reward("auc", null))).containsExactly(2.5, 5, 7.5, 10, 12.5, 15);
    assertThat(values.values(fast, reward("auc", null))).containsExactly(5, 7.5, 10, 12.5, 15, 17.5);
    assertThat(values.values(base, reward("final", null))).containsExactly(4, 8, 12, 16, 20, 24);
    assertThat(values.values(base, reward("auc", "last 25%")).length).isEqualTo(6);
    assertThat(values.values(base, reward("auc", "last 25%"))[1]).isCloseTo(3.625 * 2, within(1e-12));
    assertThat(values.values(base, reward("max", "2:3"))[0]).isEqualTo(3);
    assertThat(values.values(base, reward("last_n", null))[0]).isEqualTo(3.5);
    assertThat(values.values(base, reward("slope", null))[2]).isCloseTo(3, within(1e-12));
    assertThat(reward("auc", "last 25%").label()).isEqualTo("reward:auc[last 25%]");
    assertThat(reward("last_n", null).label()).isEqualTo("reward:last_2[all]");
  }

  @Test
  void aWindowOutsideARunsStepsLeavesItOutWithTheReason() throws Exception {
    Metric m = reward("auc", "2:9");
    assertThat(values.values(base, m)).isEmpty();
    assertThat(values.missingReason(base.get(0), m)).contains("reaches outside the series' steps");
  }

  @Test
  void unknownMetricsListWhatExists() {
    assertThatThrownBy(() -> values.resolve(List.of("latnecy"), null)).isInstanceOf(AnalysisException.class)
        .hasMessage("unknown metric 'latnecy' in toy — did you mean 'latency'?\n"
            + "  metrics: latency, score, tokens, wall_time_s, cpu_time_s, peak_rss_bytes\n"
            + "  series (with --summary): reward");
    assertThatThrownBy(() -> values.resolve(List.of("reward"), null)).isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("'reward' is a series (series.csv): make it one number per run with --summary auc|final");
  }

  @Test
  void defaultsAreTheGoals() {
    assertThat(values.defaults()).extracting(Metric::name).containsExactly("latency", "score");
  }
}
