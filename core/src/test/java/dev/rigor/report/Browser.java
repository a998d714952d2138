package dev.rigor.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver (./test installs both),
 * with the flags of shared/infra/NOTES.md and a fresh profile; the browser's console is collected.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of(System.getProperty("rigor.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Path.of(System.getProperty("rigor.chromedriver", "/usr/bin/chromedriver"));

  public final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts Chromium with its profile in {@code profile} (a fresh directory), {@code width} pixels wide. */
  public static Browser start(Path profile, int width, int height) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new AssertionError("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + ": run ./test, which installs them (apt-get install -y --no-install-recommends chromium chromium-driver)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=" + width + "," + height, "--allow-file-access-from-files");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Browser(driver);
  }

  /** Opens a file and waits until the page's script has drawn the runs table. */
  void open(Path file) {
    driver.get(file.toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "true".equals(js("return document.documentElement.getAttribute('data-ready')")));
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Opens a page of a server (the dashboard) and waits until its script has drawn it ({@code data-ready}). */
  public void openUrl(String url) {
    driver.get(url);
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "true".equals(js("return document.documentElement.getAttribute('data-ready')")));
  }

  /** Console messages at SEVERE level (errors, uncaught exceptions, failed loads) since the last call. */
  public List<LogEntry> errors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .toList();
  }

  /** A PNG of the whole page: the window is made as tall as the document first. */
  byte[] fullPageScreenshot(int width) {
    long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 20, 30_000)));
    js("window.rigorReport.drawAll(); window.dispatchEvent(new Event('resize'));");
    return driver.getScreenshotAs(OutputType.BYTES);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
