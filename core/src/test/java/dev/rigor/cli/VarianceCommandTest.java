package dev.rigor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.analysis.ToyExperiments;
import dev.rigor.testing.CliRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarianceCommandTest {

  @TempDir static Path dir;

  @BeforeAll
  static void runToy() {
    ToyExperiments.run(dir, "toy");
  }

  @Test
  void minimumNPerVariationAndAPngChart() throws Exception {
    CliRun r = CliRun.in(dir, "variance", "runs/toy", "--metric", "latency", "--threshold", "5%", "--plot", "plots/variance.png");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("threshold 5%").contains("min n: CV of mean ≤ 5%").contains("chart: plots/variance.png");
    BufferedImage png = ImageIO.read(dir.resolve("plots/variance.png").toFile());
    assertThat(png.getWidth()).isEqualTo(1100);
    assertThat(png.getHeight()).isEqualTo(800);
  }

  @Test
  void curveAsCsv() {
    CliRun r = CliRun.in(dir, "variance", "runs/toy", "--metric", "score", "--by", "none", "--curve", "--max-n", "20", "--format", "csv");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("metric,n,cv_of_mean,cv_low,cv_high,rel_half_width,hw_low,hw_high,observed");
    assertThat(r.out().lines()).hasSize(20);
    assertThat(r.out().lines().filter(l -> l.endsWith(",no"))).as("beyond the 18 runs").hasSize(2);
  }

  @Test
  void needsAMetric() {
    CliRun r = CliRun.in(dir, "variance", "runs/toy");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("rigor variance needs --metric METRIC; metrics: latency, score, tokens");
    assertThat(CliRun.in(dir, "variance", "runs/toy", "--metric", "latency", "--threshold", "five").err())
        .contains("--threshold 'five': expected e.g. 0.05 or 5%");
  }

  @Test
  void helpHasExamples() {
    assertThat(CliRun.in(dir, "variance", "--help").out()).contains("Examples:").contains("--plot variance.png").contains("STAYS");
  }
}
