import dev.rigor.serve.Dashboard;
import dev.rigor.serve.ServeOptions;
import dev.rigor.store.Ledger;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's figures (bench/serve/serve_bench.sh runs it; docs/PERFORMANCE.md has them):
 *
 * <ul>
 *   <li>{@code list ROOT}: the experiments page of ROOT (100 experiments) — the API's answer time, and
 *       in headless Chromium the time from navigation to the table drawn (first event applied);
 *   <li>{@code page ROOT NAME}: the experiment page of one (100,000-run) experiment — server start
 *       (reading the ledger), the detail API, first contentful paint and the page drawn;
 *   <li>{@code latency ROOT NAME}: a run record committed to the ledger (through {@link Ledger}, as a
 *       coordinator does) until the open page shows the new state, 20 times.
 * </ul>
 * Medians of the tries; every page load is a fresh navigation.
 */
public final class ServeBench {

  static final int TRIES = 5;

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[1]).toAbsolutePath();
    long t0 = System.nanoTime();
    try (Dashboard d = Dashboard.start(ServeOptions.local(root, 0))) {
      System.out.printf("server started and read %s in %.2f s%n", root, (System.nanoTime() - t0) / 1e9);
      String base = "http://127.0.0.1:" + d.port();
      switch (args[0]) {
        case "list" -> {
          api(base + "/api/experiments");
          browser(base + "/", null);
        }
        case "page" -> {
          api(base + "/api/experiments/" + args[2]);
          browser(base + "/experiments/" + args[2], null);
        }
        case "latency" -> browser(base + "/experiments/" + args[2], root.resolve(args[2]).resolve("rigor.db"));
        default -> throw new IllegalArgumentException("list | page | latency");
      }
    }
  }

  static void api(String url) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    List<Double> ms = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < TRIES; i++) {
      long s = System.nanoTime();
      HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
      ms.add((System.nanoTime() - s) / 1e6);
      bytes = r.body().length;
    }
    System.out.printf("GET %s: median %.0f ms (tries %s), %d bytes%n", URI.create(url).getPath(), median(ms), rounded(ms), bytes);
  }

  static void browser(String url, Path ledger) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File("/usr/bin/chromium"));
    Path profile = java.nio.file.Files.createTempDirectory("rigor-bench-chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000");
    ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
        .usingAnyFreePort().build(), options);
    JavascriptExecutor js = driver;
    try {
      if (ledger != null) {
        latency(driver, js, url, ledger);
        return;
      }
      List<Double> fcp = new ArrayList<>();
      List<Double> drawn = new ArrayList<>();
      for (int i = 0; i < TRIES; i++) {
        driver.get("about:blank");
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> "true".equals(js.executeScript(
            "return document.documentElement.getAttribute('data-ready')")));
        drawn.add(((Number) js.executeScript("performance.mark('drawn'); return performance.getEntriesByName('drawn')[0].startTime"))
            .doubleValue());
        Object f = js.executeScript("const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : -1");
        fcp.add(((Number) f).doubleValue());
      }
      System.out.printf("%s in Chromium: first contentful paint median %.0f ms %s; drawn from the first event median %.0f ms %s%n",
          URI.create(url).getPath(), median(fcp), rounded(fcp), median(drawn), rounded(drawn));
    } finally {
      driver.quit();
    }
  }

  /** A record committed to the ledger → the page's data-version changes; the page stamps Date.now() when it does. */
  static void latency(ChromeDriver driver, JavascriptExecutor js, String url, Path ledgerFile) throws Exception {
    driver.get(url);
    new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> "true".equals(js.executeScript(
        "return document.documentElement.getAttribute('data-ready')")));
    js.executeScript("window.__seen = []; new MutationObserver(() => window.__seen.push([document.documentElement.getAttribute('data-version'),"
        + " Date.now()])).observe(document.documentElement, {attributes: true, attributeFilter: ['data-version']});");
    List<Double> ms = new ArrayList<>();
    try (Ledger ledger = Ledger.open(ledgerFile)) {
      for (int i = 0; i < 20; i++) {
        int before = ((Number) js.executeScript("return window.__seen.length")).intValue();
        double now = System.currentTimeMillis() / 1000.0;
        RunMeta meta = new RunMeta(RunMeta.SCHEMA, "bench-latency-" + i, "bench-latency-" + i, "bench", Map.of("policy", "fifo"), Map.of(),
            (long) i, 0, "baseline", List.of(), List.of("true"), "/", "bench", 1, RunStatus.OK, 0, null, now - 1, now, 1.0, 0.5, 1L,
            null, null, null, null, null, null, null);
        ledger.record(new RunRecord(meta, new RunMetrics(Map.of("latency_p95_ms", 100.0 + i), List.of())));
        ledger.flush();
        long committed = System.currentTimeMillis();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> ((Number) js.executeScript("return window.__seen.length")).intValue()
            > before);
        long shown = ((Number) js.executeScript("return window.__seen[window.__seen.length - 1][1]")).longValue();
        ms.add((double) (shown - committed));
        Thread.sleep(300);
      }
    }
    System.out.printf("ledger commit → page updated: median %.0f ms, max %.0f ms, 20 changes %s%n", median(ms), Collections.max(ms), rounded(ms));
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static List<Long> rounded(List<Double> xs) {
    return xs.stream().map(Math::round).toList();
  }

  static String read(InputStream in) throws Exception {
    return new String(in.readAllBytes());
  }
}
