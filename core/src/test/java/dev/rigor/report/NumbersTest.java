package dev.rigor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** How numbers, units, formats and file names are written. */
class NumbersTest {

  @Test
  void numbersHaveFourSignificantDigitsIntegersFromAThousandAndScientificAtTheExtremes() {
    assertThat(Numbers.format(0)).isEqualTo("0");
    assertThat(Numbers.format(0.051775)).isEqualTo("0.05178");
    assertThat(Numbers.format(123.456)).isEqualTo("123.5");
    assertThat(Numbers.format(999.96)).isEqualTo("1000");
    assertThat(Numbers.format(139193.913)).isEqualTo("139194");
    assertThat(Numbers.format(-2.5)).isEqualTo("-2.5");
    assertThat(Numbers.format(1.7953e9)).isEqualTo("1.795e9");
    assertThat(Numbers.format(1.23e-5)).isEqualTo("1.23e-5");
    assertThat(Numbers.format(Double.NaN)).isEqualTo("—");
    assertThat(Numbers.axis(250_000)).isEqualTo("250k");
    assertThat(Numbers.axis(1_500_000)).isEqualTo("1.5M");
    assertThat(Numbers.ratioWithInterval(0.35571, 0.17841, 0.64521)).isEqualTo("0.356× [0.178, 0.645]");
    assertThat(Numbers.withInterval(10, Double.NaN, Double.NaN)).isEqualTo("10");
    assertThat(Numbers.pValue(0.000001)).isEqualTo("< 0.0001");
    assertThat(Numbers.duration(94.2)).isEqualTo("1 min 34 s");
  }

  @Test
  void unitsComeFromTheNameSuffixOnly() {
    assertThat(Units.of("makespan_p95_ms")).isEqualTo("ms");
    assertThat(Units.of("throughput_per_s")).isEqualTo("/s");
    assertThat(Units.of("cost_usd")).isEqualTo("USD");
    assertThat(Units.of("cost_mean")).isEmpty();
    assertThat(Units.of("_ms")).isEmpty();
    assertThat(Units.label("wall_time_s")).isEqualTo("wall_time_s (s)");
  }

  @Test
  void formatsParseAsACommaSeparatedList() {
    assertThat(ReportFormat.parseList("html, MD,svg")).isEqualTo(EnumSet.of(ReportFormat.HTML, ReportFormat.MD, ReportFormat.SVG));
    assertThatThrownBy(() -> ReportFormat.parseList("html,pdf")).hasMessageContaining("unknown report format 'pdf'");
  }

  @Test
  void assetFileNamesCannotEscapeTheDirectory() {
    assertThat(ChartImages.fileName("metric-../../etc/passwd")).isEqualTo("metric-.._.._etc_passwd");
    assertThat(ChartImages.fileName("..hidden")).isEqualTo("_.hidden");
    assertThat(ChartImages.fileName("metric-\"><img src=x>")).isEqualTo("metric-___img_src_x_");
    assertThat(ChartImages.fileName("x".repeat(300))).hasSize(100);
  }
}
