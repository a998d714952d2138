package dev.rigor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.testing.CliRun;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled example, end to end: {@code rigor run examples/sched/smoke.yaml} ends by writing the
 * report and printing its path; the page answers seed 004's questions (makespan p50/p95/p99 and cost by
 * policy, faceted by workflows; ratios against fifo_cheapest and the baseline ablation) without a
 * console error. Full-page screenshots go to {@code core/target/report-screenshots/} for people to look at.
 */
class SchedReportIT {

  static final Path SHOTS = CliRun.repo().resolve("core/target/report-screenshots");

  @TempDir Path tmp;

  @Test
  void theSmokeRunEndsWithItsReportAndTheReportAnswersSeed004sQuestions() throws Exception {
    CliRun run = CliRun.in(CliRun.repo(), "run", "examples/sched/smoke.yaml", "--out-root", tmp.toString(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path index = tmp.resolve("sched-smoke/report/index.html");
    assertThat(run.out()).endsWith("report: " + index + "\n");
    assertThat(tmp.resolve("sched-smoke/report/report.md")).exists();
    assertThat(tmp.resolve("sched-smoke/report/assets/metric-makespan_p95_ms.png")).exists();
    assertThat(tmp.resolve("sched-smoke/report/assets/ablation-makespan_p95_ms.png")).exists();

    try (Browser browser = Browser.start(Files.createDirectories(tmp.resolve("profile")), 1400, 1000)) {
      browser.open(index);
      browser.js("window.rigorReport.drawAll()");
      @SuppressWarnings("unchecked")
      List<String> drawn = (List<String>) browser.js("return Array.from(window.rigorReport.charts.keys())");
      @SuppressWarnings("unchecked")
      List<String> titles = (List<String>) browser.js("return Array.from(document.querySelectorAll('.chart-card h3')).map(h => h.textContent)");
      assertThat(titles).contains("makespan_p50_ms (ms)", "makespan_p95_ms (ms)", "makespan_p99_ms (ms)", "cost_mean",
          "makespan_p95_ms: candidate ÷ control", "makespan_p95_ms: ablation ÷ baseline", "completed_workflows");
      assertThat(drawn).hasSize(titles.size());
      assertThat((String) browser.js("return document.querySelector('#metric-0').closest('.chart-card').textContent"))
          .contains("panels: workflows").contains("colours: ablation").contains("95% CI of the mean");
      assertThat((String) browser.js("return document.getElementById('control').textContent")).contains("policy=fifo_cheapest");
      assertThat(browser.errors()).isEmpty();

      byte[] png = browser.fullPageScreenshot(1400);
      Files.createDirectories(SHOTS);
      Files.write(SHOTS.resolve("sched-smoke.png"), png);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image.getHeight()).as("the whole page").isGreaterThan(3000);
      assertThat(distinctColours(image)).as("charts drew something").isGreaterThan(50);
    }
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
