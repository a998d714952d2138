package dev.rigor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown report of a fixed experiment, with a fixed clock and seed, in the root locale: a golden file. */
class MarkdownReportGoldenTest {

  @TempDir Path tmp;

  @Test
  void markdownOfTheFixtureMatchesTheGoldenFile() throws Exception {
    ExperimentDirectory dir = ReportFixtures.write(tmp, "fixture", "");
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY); // decimal commas must not leak in
      String md = Reports.markdown(dir, ReportFixtures.options(ReportFormat.MD));
      Golden.assertMatches("report/fixture.md", md);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void theWrittenMarkdownLinksTheChartImages() throws Exception {
    ExperimentDirectory dir = ReportFixtures.write(tmp, "fixture", "");
    ReportOutput out = Reports.write(dir, dir.report(), ReportFixtures.options(ReportFormat.MD, ReportFormat.PNG), "test");

    String md = Files.readString(dir.report().resolve("report.md"));
    assertThat(md).contains("![metric-latency\\_ms](assets/metric-latency_ms.png)")
        .contains("(assets/control-cost_usd.png)").contains("(assets/ablation-latency_ms.png)").contains("(assets/curve-reward.png)");
    assertThat(out.files()).contains(dir.report().resolve("assets/metric-latency_ms.png"));
    assertThat(dir.report().resolve("assets/metric-latency_ms.png")).exists();
  }
}
