import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Times a report page in headless Chromium (Selenium + Debian's chromium/chromedriver): first paint and
 * first contentful paint (Paint Timing API), when the runs table is usable (the page's
 * {@code rigor-ready} mark), and how long sorting the runs table takes after a click on a header
 * (sort + render, measured in the page). Each page load is a fresh navigation; medians of TRIES.
 *
 * <p>{@code java -cp <core test class path> bench/report/BrowserTiming.java PAGE [SORT_COLUMN...]}
 */
public final class BrowserTiming {

  static final int TRIES = 3;

  public static void main(String[] args) throws Exception {
    Path page = Path.of(args[0]).toAbsolutePath();
    List<String> columns = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("run_id", "status");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File("/usr/bin/chromium"));
    Path profile = java.nio.file.Files.createTempDirectory("rigor-bench-chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    JavascriptExecutor js = driver;
    try {
      List<Double> fp = new ArrayList<>();
      List<Double> fcp = new ArrayList<>();
      List<Double> ready = new ArrayList<>();
      for (int i = 0; i < TRIES; i++) {
        driver.get("about:blank");
        driver.get(page.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> js.executeScript(
            "return performance.getEntriesByName('rigor-ready').length") instanceof Long n && n > 0);
        fp.add(number(js.executeScript("const e = performance.getEntriesByName('first-paint')[0]; return e ? e.startTime : -1")));
        fcp.add(number(js.executeScript(
            "const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : -1")));
        ready.add(number(js.executeScript("return performance.getEntriesByName('rigor-ready')[0].startTime")));
      }
      System.out.printf("page: %s (%.1f MB)%n", page, java.nio.file.Files.size(page) / 1e6);
      System.out.printf("first paint: %.0f ms, first contentful paint: %.0f ms, runs table ready: %.0f ms (median of %d loads; %s / %s / %s)%n",
          median(fp), median(fcp), median(ready), TRIES, fp, fcp, ready);
      int rows = ((Number) js.executeScript("return window.rigorReport.table.rows()")).intValue();
      for (String column : columns) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < TRIES * 2; i++) {
          ms.add(number(js.executeScript("""
              const th = document.querySelector(".vt thead tr.names th[data-col='" + arguments[0] + "']");
              const t0 = performance.now();
              th.click();
              return performance.now() - t0;""", column)));
        }
        String first = (String) js.executeScript("return window.rigorReport.table.visibleRunIds()[0]");
        System.out.printf("sort %,d rows by %s (click to rendered rows): median %.0f ms, max %.0f ms %s; first row now %s%n", rows, column,
            median(ms), Collections.max(ms), ms, first);
      }
      long errors = driver.manage().logs().get("browser").getAll().stream().filter(e -> e.getLevel().intValue() >= 1000).count();
      System.out.println("console errors: " + errors);
    } finally {
      driver.quit();
    }
  }

  static double number(Object o) {
    return ((Number) o).doubleValue();
  }

  static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
