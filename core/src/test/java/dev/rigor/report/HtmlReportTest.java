package dev.rigor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rigor.store.ExperimentDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page without a browser: one self-contained file whose data round-trips, and in which
 * nothing a run produced appears unescaped (the browser test checks that payloads stay inert).
 */
class HtmlReportTest {

  static final String PAYLOAD = "</script><script>window.__pwned=1</script>\"><img src=x onerror=window.__pwned=1><!--";

  @TempDir Path tmp;

  @Test
  void thePageIsSelfContained() throws Exception {
    ExperimentDirectory dir = ReportFixtures.write(tmp, "fixture", "");
    Reports.write(dir, dir.report(), ReportFixtures.options(ReportFormat.HTML), "test");
    String html = Files.readString(dir.report().resolve("index.html"));

    assertThat(Pattern.compile("(?i)<script[^>]+src=|<link[^>]+href=|https?://cdn").matcher(html).find())
        .as("no external script, stylesheet or CDN").isFalse();
    assertThat(html.contains("Content-Security-Policy") && html.contains("default-src 'none'")).as("a CSP").isTrue();
    assertThat(scripts(html)).as("executable scripts: ECharts and the page's own").hasSize(2);
  }

  @Test
  void aReportWhoseChartsFailLeavesTheEarlierPageAndNoTemporaryFile() throws Exception {
    ExperimentDirectory dir = ReportFixtures.write(tmp, "fixture", "");
    Files.createDirectories(dir.report());
    Files.writeString(dir.report().resolve("index.html"), "earlier report");
    Files.writeString(dir.report().resolve("assets"), "a file where the charts' directory belongs");

    assertThatThrownBy(() -> Reports.write(dir, dir.report(), ReportFixtures.options(ReportFormat.HTML, ReportFormat.PNG), "test"))
        .isInstanceOf(java.io.IOException.class);

    assertThat(Files.readString(dir.report().resolve("index.html"))).as("the page written alongside the charts is not installed")
        .isEqualTo("earlier report");
    try (var files = Files.list(dir.report())) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("index.html", "assets");
    }
  }

  @Test
  void runsDataRoundTripsThroughTheColumnarEncoding() throws Exception {
    ExperimentDirectory dir = ReportFixtures.write(tmp, "fixture", "");
    Reports.write(dir, dir.report(), ReportFixtures.options(ReportFormat.HTML), "test");
    Map<?, ?> runs = json(Files.readString(dir.report().resolve("index.html")), "rigor-runs");

    assertThat(runs.get("n")).isEqualTo(48);
    List<?> ids = (List<?>) runs.get("ids");
    assertThat(ids).hasSize(48).isSortedAccordingTo((a, b) -> ((String) a).compareTo((String) b));
    Map<?, ?> latency = column(runs, "latency_ms");
    assertThat(latency.get("enc")).isEqualTo("f32");
    float[] values = floats((String) latency.get("data"));
    int failed = ids.indexOf(ReportFixtures.FAILED_RUN);
    assertThat(Float.isNaN(values[failed])).as("a failed run has no value, not 0").isTrue();
    Map<?, ?> status = column(runs, "status");
    assertThat(status.get("dict")).isEqualTo(List.of("ok", "failed"));
    assertThat(column(runs, "seed").get("enc")).isEqualTo("i32");
  }

  @Test
  void nothingFromTheRunsAppearsUnescaped() throws Exception {
    ExperimentDirectory dir = ReportFixtures.write(tmp, "evil", PAYLOAD);
    ReportOptions charted = new ReportOptions(Set.of(ReportFormat.HTML, ReportFormat.SVG, ReportFormat.MD), Optional.empty(),
        Optional.empty(), List.of("latency_ms", PAYLOAD), List.of(), java.util.OptionalInt.of(200), 1, ReportFixtures.CLOCK);
    Reports.write(dir, dir.report(), charted, "test");
    String html = Files.readString(dir.report().resolve("index.html"));

    assertThat(html.contains("<script>window.__pwned")).as("the payload's script element, unescaped").isFalse();
    assertThat(html.contains("<img src=x")).as("the payload's img element, unescaped").isFalse();
    for (String block : List.of("rigor-page", "rigor-runs")) {
      assertThat(json(html, block).toString()).as(block + " carries the payload as data").contains(PAYLOAD);
    }
    assertThat(html.contains("&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;")).as("the stderr tail, escaped as text").isTrue();
    for (Path svg : Files.newDirectoryStream(dir.report().resolve("assets"), "*.svg")) {
      assertThat(Files.readString(svg)).doesNotContain("<script").doesNotContain("<img");
    }
    String md = Files.readString(dir.report().resolve("report.md"));
    String outsideCode = md.replaceAll("(?s)(`{3,})text\n.*?\n\\1\n", "");
    assertThat(md).as("stderr is shown, in a fenced block").contains(PAYLOAD);
    assertThat(outsideCode).doesNotContain("<script").doesNotContain("<img").doesNotContain(PAYLOAD);
  }

  /** The text of every executable (not data) script element. */
  static List<String> scripts(String html) {
    Matcher m = Pattern.compile("<script(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE).matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      if (m.group(1) == null || !m.group(1).contains("application/json")) {
        out.add(m.group());
      }
    }
    return out;
  }

  static Map<?, ?> json(String html, String id) throws Exception {
    String open = "<script type=\"application/json\" id=\"" + id + "\">";
    int from = html.indexOf(open) + open.length();
    return new ObjectMapper().readValue(html.substring(from, html.indexOf("</script>", from)), Map.class);
  }

  static Map<?, ?> column(Map<?, ?> runs, String name) {
    return ((List<?>) runs.get("columns")).stream().map(c -> (Map<?, ?>) c).filter(c -> name.equals(c.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no column " + name));
  }

  static float[] floats(String base64) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(base64)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[b.remaining() / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getFloat();
    }
    return out;
  }
}
