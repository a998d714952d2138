package dev.rigor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.report.Browser;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Jar;
import dev.rigor.testing.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * The dashboard in real Chromium, watching a real sweep started with {@code rigor run --serve}: a
 * trial that the test holds back shows as running and then as ok without a reload; a failure shows
 * with the tail of its stderr; XSS payloads in a parameter, a metric name, a streamed series name and
 * stderr appear as text and never run. Screenshots of both pages go to target/serve-screenshots/.
 */
class ServeBrowserIT {

  static final String SCRIPT_PAYLOAD = "</script><script>window.__pwned=1</script>";
  static final String IMG_PAYLOAD = "\"><img src=x onerror=window.__pwned=1>";
  static final String METRIC_PAYLOAD = "<img src=x onerror=window.__pwned=2>";

  static final String TRIAL = """
      import json, os, sys, time
      p = json.load(open(os.environ["RIGOR_PARAMS"]))
      seed, label = p["seed"], p["label"]
      here = os.path.dirname(os.path.abspath(__file__))
      with open(os.environ["RIGOR_METRICS"], "a") as f:
          for step in range(1, 6):
              f.write(json.dumps({"step": step, "reward": step * 0.1 * seed, %1$s: step}) + "\\n")
              f.flush()
      if seed == 1 and label.startswith("</script>"):
          for _ in range(1200):  # held back until the test lets it finish
              if os.path.exists(os.path.join(here, "go")):
                  break
              time.sleep(0.05)
      if seed == 2 and label.startswith('"'):
          print("Traceback (most recent call last):", file=sys.stderr)
          print("ValueError: bad label " + label, file=sys.stderr)
          sys.exit(3)
      with open(os.path.join(os.environ["RIGOR_OUT"], "m.json"), "w") as f:
          json.dump({"score": 0.5 + 0.1 * seed, %1$s: 1.5}, f)
      """.formatted(pyString(METRIC_PAYLOAD));

  static final String SPEC = """
      name: live
      description: 'A sweep whose runs try to inject %1$s into the dashboard'
      command: [python3, trial.py]
      matrix:
        label: ['%1$s', '%2$s']
      seeds: [1, 2]
      jobs: 2
      metrics:
        - json: out/m.json
      goals: {score: max, '%3$s': min}
      """.formatted(SCRIPT_PAYLOAD, IMG_PAYLOAD, METRIC_PAYLOAD);

  @TempDir static Path tmp;
  static Browser browser;
  static Path screenshots;

  @BeforeAll
  static void startTheBrowser() throws Exception {
    screenshots = Files.createDirectories(Path.of(System.getProperty("rigor.repo", ".")).resolve("core/target/serve-screenshots"));
    browser = Browser.start(Files.createDirectories(tmp.resolve("chromium-profile")), 1400, 1000);
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aSweepServedLiveShowsATrialGoFromRunningToOkAndAFailureWithItsStderrAndNoPayloadRuns() throws Exception {
    Files.writeString(tmp.resolve("trial.py"), TRIAL);
    Files.writeString(tmp.resolve("live.yaml"), SPEC);
    Process sweep = Jar.start(tmp, "run", "live.yaml", "--serve", "--serve-port", "0", "--no-report");
    try {
      String url = dashboardUrl(tmp.resolve("rigor.err"));
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/experiments/live");
      browser.errors(); // what earlier pages logged
      browser.openUrl(url);
      browser.js("window.__marker = 42");

      Waits.until("the held-back trial shows as running", Duration.ofSeconds(60), () -> runningIds().stream().anyMatch(id -> id.contains("seed1")));
      String held = runningIds().stream().filter(id -> id.contains("seed1")).findFirst().orElseThrow();
      Waits.until("the failure shows with its stderr", Duration.ofSeconds(60), () -> (Boolean) browser.js(
          "return Array.from(document.querySelectorAll('.failure pre')).some(p => p.textContent.includes('ValueError: bad label'))"));
      String stderr = (String) browser.js("return document.querySelector('.failure pre').textContent");
      assertThat(stderr).contains("Traceback (most recent call last):").contains("ValueError: bad label " + IMG_PAYLOAD);
      Waits.until("the other trials finished", Duration.ofSeconds(60), () -> ((Number) browser.js(
          "return window.rigorExperiment.state().done")).intValue() == 3);
      Waits.until("curves and means drawn", Duration.ofSeconds(30), () -> ((Number) browser.js(
          "return document.querySelectorAll('#curve-charts .chart-card').length")).intValue() >= 2);
      screenshot("experiment-running.png");

      Files.writeString(tmp.resolve("go"), "");
      Waits.until("the held trial is ok", Duration.ofSeconds(60), () -> !runningIds().contains(held)
          && ((Number) browser.js("return window.rigorExperiment.state().ok")).intValue() == 3);
      assertThat(browser.js("return window.__marker")).as("the page was never reloaded").isEqualTo(42L);
      assertThat(browser.js("return document.querySelector('#running-empty').hidden")).isEqualTo(false);

      String text = (String) browser.js("return document.body.innerText");
      assertThat(text).contains(SCRIPT_PAYLOAD).contains(METRIC_PAYLOAD);
      assertXssInert();
      assertThat(browser.errors()).as("console errors (but the stream's, once the sweep and its server have stopped)")
          .filteredOn(e -> !e.getMessage().contains("net::ERR_CONNECTION_REFUSED")).isEmpty();
      assertThat(sweep.waitFor()).as("one trial failed").isEqualTo(1);
      Waits.until("the page says the server went away", Duration.ofSeconds(10), () -> ((String) browser.js(
          "return document.getElementById('live').textContent")).matches("(disconnected|reconnecting).*"));
    } finally {
      sweep.destroyForcibly();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theExperimentsPageListsEveryExperimentWithProgressAndLinksToIt() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("many"));
    Files.writeString(root.resolve("trial.py"), TRIAL);
    Files.writeString(root.resolve("go"), "");
    for (String name : List.of("alpha", "beta")) {
      Files.writeString(root.resolve(name + ".yaml"), SPEC.replace("name: live", "name: " + name));
      CliRun run = CliRun.in(root, "run", name + ".yaml", "--quiet", "--no-report", "--out-root", "runs");
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    }
    try (Dashboard d = Dashboard.start(ServeOptions.local(root.resolve("runs"), 0))) {
      browser.driver.manage().window().setSize(new Dimension(1400, 1000));
      browser.errors(); // what earlier pages logged (a stopped server's event stream)
      browser.openUrl(d.url());
      List<Object> rows = (List<Object>) browser.js("return Array.from(document.querySelectorAll('#experiments tbody tr')).map(r => r.getAttribute('data-name'))");
      assertThat(rows).containsExactly("alpha", "beta");
      assertThat((String) browser.js("return document.querySelector('#experiments tbody tr').innerText")).contains("finished").contains("3")
          .contains("1");
      screenshot("experiments.png");
      browser.js("document.querySelector('#experiments tbody a').click()");
      Waits.until("the experiment page opens", Duration.ofSeconds(20), () -> "true".equals(browser.js(
          "return document.documentElement.getAttribute('data-ready')")) && browser.driver.getCurrentUrl().endsWith("/experiments/alpha"));
      Waits.until("charts drawn", Duration.ofSeconds(20), () -> ((Number) browser.js(
          "return document.querySelectorAll('#means-charts canvas').length")).intValue() >= 1);
      screenshot("experiment-finished.png");
      assertXssInert();
      assertThat(browser.errors()).as("console errors").isEmpty();
    }
  }

  private static void assertXssInert() {
    assertThat(browser.js("return window.__pwned === undefined")).as("no payload ran").isEqualTo(true);
    assertThat(browser.js("return document.querySelectorAll('img').length")).as("no payload became an element").isEqualTo(0L);
    assertThat(browser.js("return document.querySelectorAll('script').length")).as("only the page's own scripts").isIn(2L, 3L);
  }

  @SuppressWarnings("unchecked")
  private static List<String> runningIds() {
    return (List<String>) browser.js("return Array.from(document.querySelectorAll('#running-table tbody tr')).map(r => r.getAttribute('data-run'))");
  }

  private static void screenshot(String name) throws Exception {
    long height = ((Number) browser.js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
    browser.driver.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 20, 8_000)));
    browser.js("window.dispatchEvent(new Event('resize'))");
    Thread.sleep(300);
    Files.write(screenshots.resolve(name), browser.driver.getScreenshotAs(OutputType.BYTES));
    browser.driver.manage().window().setSize(new Dimension(1400, 1000));
  }

  static String dashboardUrl(Path err) {
    Pattern p = Pattern.compile("dashboard: (http://\\S+)");
    String[] found = new String[1];
    Waits.until("the dashboard's URL on stderr", Duration.ofSeconds(180), () -> {
      try {
        Matcher m = p.matcher(Files.exists(err) ? Files.readString(err) : "");
        if (m.find()) {
          found[0] = m.group(1);
          return true;
        }
        return false;
      } catch (java.io.IOException e) {
        return false;
      }
    });
    return found[0];
  }

  private static String pyString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
