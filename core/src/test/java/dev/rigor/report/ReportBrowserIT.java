package dev.rigor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunScanner;
import dev.rigor.store.RunStatus;
import dev.rigor.testing.CliRun;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report of a real experiment in a real browser. The experiment's trials put XSS payloads in
 * a parameter (so in run ids' neighbours, axis labels and table cells), in a metric name (chart titles,
 * tooltips, column names), in stdout and in the stderr of a failed run: the page must load without a
 * console error, draw its charts, sort and filter the table, link to the run files — and never run
 * the payloads, showing them as text.
 */
class ReportBrowserIT {

  static final String SCRIPT_PAYLOAD = "</script><script>window.__pwned=1</script>";
  static final String IMG_PAYLOAD = "\"><img src=x onerror=window.__pwned=1>";

  @TempDir static Path tmp;
  static Browser browser;
  static ExperimentDirectory dir;
  static Path page;

  static final String TRIAL = """
      import json, os, sys
      p = json.load(open(os.environ["RIGOR_PARAMS"]))
      seed, policy, label, ablation = p["seed"], p["policy"], p["label"], p["ablation"]
      score = round(0.3 + 0.2 * (policy == "b") + 0.05 * seed + 0.01 * len(label) % 7 / 10 + 0.03 * (ablation == "no_x"), 4)
      if policy == "b" and seed == 2 and ablation == "no_x" and label.startswith('"'):
          print("crashed while handling " + label, file=sys.stderr)
          print("%s" % sys.argv[1], file=sys.stderr)
          sys.exit(3)
      out = os.environ["RIGOR_OUT"]
      with open(os.path.join(out, "summary.csv"), "w") as f:
          f.write("score,cost_usd,%s\\n%s,%s,%s\\n" % (sys.argv[1], score, round(score * 3, 4), seed))
      with open(os.environ["RIGOR_METRICS"], "a") as f:
          for step in range(1, 6):
              f.write(json.dumps({"step": step * 10, "reward": round(score * step, 4)}) + "\\n")
      print("score=%s %s" % (score, label))
      """;

  static final String SPEC = """
      name: xss
      description: 'An experiment whose runs try to inject </script><script>window.__pwned=1</script> into the report'
      command: [python3, trial.py, '%1$s']
      matrix:
        label: ['%1$s', '"><img src=x onerror=window.__pwned=1>']
        policy: [a, b]
      seeds: [1, 2, 3]
      ablations:
        - name: baseline
        - name: no_x
          flags: [--no-x]
      jobs: 2
      metrics:
        - csv: out/summary.csv
        - regex: {file: stdout, pattern: "score=([0-9.]+)", name: score_log, type: float}
      goals: {score: max, cost_usd: min}
      report: {facet: policy, control: {policy: a}, metrics: [score, cost_usd, '%1$s']}
      """.formatted(SCRIPT_PAYLOAD);

  @BeforeAll
  static void runTheExperimentAndOpenItsReport() throws Exception {
    Files.writeString(tmp.resolve("trial.py"), TRIAL);
    Files.writeString(tmp.resolve("xss.yaml"), SPEC);
    CliRun run = CliRun.in(tmp, "run", "xss.yaml", "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).as("the report's path follows the results").containsPattern("results: .*\nreport: runs/xss/report/index.html");
    dir = new ExperimentDirectory(tmp.resolve("runs/xss"));
    page = dir.report().resolve("index.html");
    assertThat(page).exists();
    CliRun withVariance = CliRun.in(tmp, "report", "runs/xss", "--variance", "score", "--format", "html");
    assertThat(withVariance.exitCode()).as(withVariance.toString()).isZero();
    browser = Browser.start(Files.createDirectories(tmp.resolve("chromium-profile")), 1400, 1000);
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void load() {
    browser.open(page);
  }

  @Test
  void thePageLoadsWithoutConsoleErrorsAndDrawsEveryChart() {
    browser.js("window.rigorReport.drawAll()");
    List<?> charts = (List<?>) browser.js("""
        return Array.from(document.querySelectorAll('.chart')).map(div => {
          const chart = echarts.getInstanceByDom(div);
          const canvas = div.querySelector('canvas');
          return [div.id, chart !== undefined && chart !== null, canvas ? canvas.width : 0, canvas ? canvas.height : 0,
            chart ? chart.getOption().series.length : 0];
        });""");
    assertThat(charts).as("metrics, control, ablation, learning-curve and variance charts").hasSizeGreaterThanOrEqualTo(10);
    assertThat(charts.stream().map(c -> (String) ((List<?>) c).get(0)).toList()).contains("metric-0", "control-0", "ablation-0",
        "curve-0", "variance-0");
    for (Object c : charts) {
      List<?> chart = (List<?>) c;
      assertThat((Boolean) chart.get(1)).as("%s has an ECharts instance", chart.get(0)).isTrue();
      assertThat(((Number) chart.get(2)).intValue()).as("%s canvas width", chart.get(0)).isGreaterThan(200);
      assertThat(((Number) chart.get(3)).intValue()).as("%s canvas height", chart.get(0)).isGreaterThan(150);
      assertThat(((Number) chart.get(4)).intValue()).as("%s series", chart.get(0)).isPositive();
    }
    assertThat(browser.errors()).as("console errors").isEmpty();
  }

  @Test
  void clickingAHeaderSortsTheRowsAndClickingAgainReversesThem() throws Exception {
    List<RunRecord> runs = RunScanner.latest(dir);
    List<String> ascending = runs.stream().filter(r -> r.metrics().values().get("score") instanceof Number)
        .sorted(Comparator.comparingDouble((RunRecord r) -> ((Number) r.metrics().values().get("score")).doubleValue())
            .thenComparing(r -> r.meta().runId()))
        .map(r -> r.meta().runId()).toList();

    header("score").click();
    List<String> shown = visibleRunIds();
    assertThat(shown.subList(0, ascending.size())).isEqualTo(ascending);
    assertThat(shown.get(shown.size() - 1)).as("runs without a score come last").isEqualTo(failedRun(runs));
    assertThat(header("score").getAttribute("aria-sort")).isEqualTo("ascending");

    header("score").click();
    shown = visibleRunIds();
    List<Double> scores = new ArrayList<>();
    for (String id : shown.subList(0, ascending.size())) {
      scores.add(score(runs, id));
    }
    assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(shown.get(shown.size() - 1)).as("missing values stay last when descending").isEqualTo(failedRun(runs));
    assertThat(((Number) browser.js("return window.rigorReport.table.lastSortMs()")).doubleValue()).isLessThan(1000);
  }

  @Test
  void typingUnderAHeaderFiltersTheRows() throws Exception {
    filter("policy", "=b");
    waitForCount("12 of 24 runs");
    assertThat(column("policy")).hasSize(12).containsOnly("b");

    filter("policy", "");
    filter("score", ">0.6");
    long expected = RunScanner.latest(dir).stream()
        .filter(r -> r.metrics().values().get("score") instanceof Number n && n.doubleValue() > 0.6).count();
    waitForCount(expected + " of 24 runs");
    assertThat(column("score")).hasSize((int) expected).allSatisfy(s -> assertThat(Double.parseDouble(s)).isGreaterThan(0.6));

    filter("score", "");
    WebElement search = browser.driver.findElement(By.cssSelector(".table-tools input[type=search]"));
    search.sendKeys("img src");
    waitForCount("12 of 24 runs");
    assertThat(column("label")).containsOnly(IMG_PAYLOAD);
  }

  @Test
  void runLinksOpenTheRunsFiles() throws Exception {
    List<?> hrefs = (List<?>) browser.js("return Array.from(document.querySelectorAll('tbody tr[data-row]')[0].querySelectorAll('a'))"
        + ".map(a => a.href)");
    assertThat(hrefs).hasSize(4);
    String runId = visibleRunIds().get(0);
    Path runDir = dir.run(runId).root();
    assertThat(hrefs.stream().map(h -> Path.of(URI.create((String) h))).toList())
        .containsExactly(runDir, runDir.resolve("meta.json"), runDir.resolve("stdout.txt"), runDir.resolve("stderr.txt"))
        .allSatisfy(p -> assertThat(p).exists());

    browser.driver.findElement(By.cssSelector("tbody tr[data-row] .files a")).click();
    assertThat(browser.driver.getPageSource()).contains("rigor.run/1").contains(runId);
  }

  @Test
  void clickingARunsDotInAChartShowsThatRunInTheTable() {
    WebElement chart = browser.driver.findElement(By.id("metric-0"));
    browser.js("arguments[0].scrollIntoView({block: 'center'})", chart);
    new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> (Boolean) browser.js(
        "return !!echarts.getInstanceByDom(arguments[0])", chart));
    List<?> target = (List<?>) browser.js("""
        const chart = echarts.getInstanceByDom(arguments[0]);
        const series = chart.getOption().series;
        const s = series.findIndex(x => x.type === 'scatter' && x.data.length > 0 && Array.isArray(x.data[0]) && x.data[0].length === 3);
        const point = series[s].data[0];
        const px = chart.convertToPixel({seriesIndex: s}, [point[0], point[1]]);
        const box = arguments[0].getBoundingClientRect();
        return [px[0] - box.width / 2, px[1] - box.height / 2, window.rigorReport.table.runId(point[2])];""", chart);
    new org.openqa.selenium.interactions.Actions(browser.driver)
        .moveToElement(chart, (int) Math.round(((Number) target.get(0)).doubleValue()), (int) Math.round(((Number) target.get(1)).doubleValue()))
        .click().perform();
    String runId = (String) target.get(2);
    new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> visibleRunIds().size() == 1);
    assertThat(visibleRunIds()).containsExactly(runId);
    assertThat(browser.js("return document.querySelector('.table-tools input[type=search]').value")).isEqualTo(runId);
    assertThat(((Number) browser.js("return document.getElementById('runs').getBoundingClientRect().top")).doubleValue())
        .as("the table was scrolled into view").isLessThan(200);
  }

  @Test
  void theColumnChooserShowsAndHidesColumns() {
    assertThat(headers()).contains("ablation").doesNotContain("cpu_time_s");
    browser.driver.findElement(By.cssSelector("details.columns summary")).click();
    browser.driver.findElement(By.cssSelector("details.columns input[data-col='ablation']")).click();
    browser.driver.findElement(By.cssSelector("details.columns input[data-col='cpu_time_s']")).click();
    assertThat(headers()).doesNotContain("ablation").contains("cpu_time_s");
  }

  @Test
  void payloadsFromRunsStayInertAndAreShownAsText() {
    browser.js("window.rigorReport.drawAll()");
    browser.js("""
        window.rigorReport.charts.forEach(chart => {
          const n = chart.getOption().series.length;
          for (let s = 0; s < n; s++) chart.dispatchAction({type: 'showTip', seriesIndex: s, dataIndex: 0});
        });""");
    browser.js("window.rigorReport.table.showRun(0)");
    assertThat(browser.js("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(browser.js("return document.querySelectorAll('img').length")).isEqualTo(0L);
    assertThat(browser.js("return document.scripts.length")).as("no script element was added").isEqualTo(4L);
    String text = (String) browser.js("return document.body.innerText");
    assertThat(text).contains(SCRIPT_PAYLOAD).as("in the description, the failure's stderr and the column names")
        .contains(IMG_PAYLOAD.substring(2));
    assertThat(browser.driver.findElement(By.cssSelector("#failures pre")).getText()).contains(SCRIPT_PAYLOAD);
    assertThat(browser.errors()).isEmpty();
  }

  private static WebElement header(String column) {
    return browser.driver.findElement(By.cssSelector(".vt thead tr.names th[data-col='" + column + "']"));
  }

  private static List<String> headers() {
    return browser.driver.findElements(By.cssSelector(".vt thead tr.names th")).stream().map(e -> e.getAttribute("data-col")).toList();
  }

  private static void filter(String column, String text) {
    WebElement input = browser.driver.findElement(By.cssSelector(".vt thead tr.filters input[data-col='" + column + "']"));
    input.clear();
    if (text.isEmpty()) {
      browser.js("arguments[0].dispatchEvent(new Event('input'))", input);
    } else {
      input.sendKeys(text);
    }
  }

  private static void waitForCount(String text) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.cssSelector(".table-tools .count")).getText().equals(text));
  }

  @SuppressWarnings("unchecked")
  private static List<String> visibleRunIds() {
    return (List<String>) browser.js("return window.rigorReport.table.visibleRunIds()");
  }

  /** The texts of a column's visible cells. */
  @SuppressWarnings("unchecked")
  private static List<String> column(String name) {
    return (List<String>) browser.js("""
        const i = window.rigorReport.table.columns().indexOf(arguments[0]);
        return Array.from(document.querySelectorAll('tbody tr[data-row]')).map(tr => tr.children[i].textContent);""", name);
  }

  private static String failedRun(List<RunRecord> runs) {
    return runs.stream().filter(r -> r.meta().status() == RunStatus.FAILED).findFirst().orElseThrow().meta().runId();
  }

  private static double score(List<RunRecord> runs, String id) {
    return runs.stream().filter(r -> r.meta().runId().equals(id)).map(r -> ((Number) r.metrics().values().get("score")).doubleValue())
        .findFirst().orElseThrow();
  }
}
