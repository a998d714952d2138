package dev.rigor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The report of a session experiment in Chromium: the Sessions section gives each variation's success
 * rate with its Wilson interval and how sessions ended, and each transcript page shows the conversation
 * — including a program that prints HTML and script payloads and raw control characters — as text.
 */
class SessionReportIT {

  static final String SCRIPT = "</pre></script><script>window.__pwned=1</script>";
  static final String IMG = "<img src=x onerror=window.__pwned=2>";

  /** Answers every line with the payloads, in colour, and says DONE at "finish"; fails the "bad" variant's verification. */
  static final String PROGRAM = """
      import sys
      while True:
          sys.stdout.write("you> "); sys.stdout.flush()
          line = sys.stdin.readline()
          if not line: break
          line = line.strip()
          print("\\x1b[31m%s\\x1b[0m %s \\x07" % (sys.argv[1], sys.argv[2]))
          if line == "finish":
              open("made.txt", "w").write(sys.argv[3] + "\\n")
              print("DONE")
      """;

  @TempDir static Path tmp;
  static Browser browser;
  static ExperimentDirectory dir;

  @BeforeAll
  static void runAndReport() throws Exception {
    Files.writeString(tmp.resolve("talk.py"), PROGRAM);
    Experiments.spec(tmp, "talk.yaml", """
        name: talk
        matrix: {content: [good, bad]}
        seeds: [1, 2, 3]
        session:
          command: [%s, talk.py, '%s', '%s', "{content}"]
          initial_prompt: 'hello %s'
          ready: {regex: "you> $"}
          reactors: [{when: "DONE", end: true}]
          default: {send: finish}
          workdir: fresh
        verify:
          files: [{path: made.txt, equals: "good\\n"}]
        """.formatted(Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3", SCRIPT, IMG, IMG));
    CliRun run = CliRun.in(tmp, "run", "talk.yaml", "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    dir = new ExperimentDirectory(tmp.resolve("runs/talk"));
    browser = Browser.start(Files.createDirectories(tmp.resolve("chromium-profile")), 1300, 1000);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theSessionsSectionGivesSuccessRatesWithWilsonIntervalsAndHowSessionsEnded() {
    browser.open(dir.report().resolve("index.html"));
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#sessions tbody tr"));
    assertThat(rows).hasSize(2);
    List<List<String>> cells = rows.stream().map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .sorted(java.util.Comparator.comparing(c -> c.get(0))).toList();
    // 0 of 3 succeed: Wilson 95% [0%, 56.1%]; 3 of 3: [43.9%, 100%]; every session ended by end (the bad ones fail verification)
    assertThat(cells.get(0).subList(0, 10)).containsExactly("content=bad", "0.0% (0/3)", "[0.0%, 56.1%]", "3", "0", "0", "0", "0", "0", "0");
    assertThat(cells.get(1).subList(0, 10)).containsExactly("content=good", "100.0% (3/3)", "[43.9%, 100.0%]", "3", "0", "0", "0", "0", "0", "0");
    assertThat(browser.driver.findElements(By.cssSelector("#sessions td.transcripts a"))).hasSize(6);
  }

  @Test
  void aTranscriptOpensAsAConversationWithEveryPayloadShownAsText() {
    browser.open(dir.report().resolve("index.html"));
    browser.driver.findElement(By.cssSelector("#sessions td.transcripts a.failed")).click();
    assertThat(browser.driver.getCurrentUrl()).contains("/transcripts/");
    assertThat(browser.js("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(browser.js("return document.scripts.length")).isEqualTo(0L);
    assertThat(browser.js("return document.querySelectorAll('img').length")).isEqualTo(0L);
    String text = (String) browser.js("return document.body.textContent");
    assertThat(text).contains("sent by initial_prompt").contains("hello " + IMG).contains(SCRIPT + " " + IMG)
        .contains("reactor 0 /DONE/ → end").contains("Verification: failed");
    browser.js("document.querySelectorAll('details').forEach(d => d.open = true)");
    String raw = (String) browser.js("return document.body.innerText");
    assertThat(raw).as("control characters spelled out").contains("\\e[31m").contains("\\x07").contains("\\r\\n");
    assertThat(browser.errors()).isEmpty();
  }
}
