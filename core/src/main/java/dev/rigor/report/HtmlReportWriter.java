package dev.rigor.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the report as one self-contained HTML page: styles, ECharts (from the {@code org.webjars:echarts}
 * jar), the page's script and the data are all inline, so it works offline from {@code file://}.
 *
 * <p>Safety: text from runs is escaped by {@link Html}; data goes into {@code <script
 * type="application/json">} elements through {@link SafeJson} and is read with {@code JSON.parse};
 * the script builds the page with {@code textContent}, never {@code innerHTML}. A Content Security
 * Policy allows only the page's own two scripts (by hash), no network and no inline event handlers, so
 * even a mistake in escaping could not run injected script.
 */
public final class HtmlReportWriter {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");
  private static final List<String> APP = List.of("format.js", "data.js", "charts.js", "effects.js", "table.js", "main.js");

  private HtmlReportWriter() {}

  /**
   * @param runsBase the experiment's {@code runs/} directory as a URL relative to the page (e.g. {@code ../runs/})
   * @param version Rigor's version, for the generator tag
   */
  public static void write(ReportData data, String runsBase, String version, Writer out) throws IOException {
    String echarts = Resources.echarts();
    String app = app();
    String template = Resources.text("page.html");
    Matcher m = PLACEHOLDER.matcher(template);
    int at = 0;
    while (m.find()) {
      out.write(template, at, m.start() - at);
      at = m.end();
      switch (m.group(1)) {
        case "csp" -> out.write(csp(echarts, app));
        case "version" -> out.write(org.owasp.encoder.Encode.forHtmlAttribute(version));
        case "title" -> out.write(org.owasp.encoder.Encode.forHtmlContent(data.header().name() + " — rigor report"));
        case "css" -> out.write(Resources.text("report.css"));
        case "nav" -> out.write(HtmlSections.nav(data));
        case "summary" -> out.write(HtmlSections.summary(data.header()));
        case "sections" -> out.write(HtmlSections.frames(HtmlSections.frames(data)));
        case "failures" -> {
          out.write(AdaptiveSection.html(data));
          out.write(HtmlSections.spending(data));
          out.write(HtmlSections.sessions(data.sessions()));
          out.write(HtmlSections.failures(data, runsBase));
        }
        case "page" -> SafeJson.write(PageData.of(data, runsBase), out);
        case "runs" -> RunsTableJson.write(data.runs(), out);
        case "echarts" -> out.write(echarts);
        case "app" -> out.write(app);
        default -> throw new IllegalStateException("unknown placeholder " + m.group());
      }
    }
    out.write(template, at, template.length() - at);
  }

  /** ECharts as the report inlines it (from the {@code org.webjars:echarts} jar); the dashboard serves the same file. */
  public static String echarts() {
    return Resources.echarts();
  }

  /** The page as a string (for tests and small reports). */
  public static String render(ReportData data, String runsBase, String version) {
    StringWriter w = new StringWriter();
    try {
      write(data, runsBase, version, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** The page's own script: its files concatenated, in an IIFE so nothing leaks into the global scope. */
  static String app() {
    StringBuilder b = new StringBuilder("(function () {\n'use strict';\n");
    for (String file : APP) {
      b.append("// ").append(file).append('\n').append(Resources.text(file)).append('\n');
    }
    return b.append("})();\n").toString();
  }

  /** Only these two inline scripts may run; no network, no plugins, no inline event handlers. */
  static String csp(String... scripts) {
    StringBuilder hashes = new StringBuilder();
    for (String s : scripts) {
      hashes.append(" 'sha256-").append(sha256(s)).append('\'');
    }
    return "default-src 'none'; script-src" + hashes + "; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'";
  }

  private static String sha256(String s) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The report's resources: its own files next to this class, and ECharts from its webjar. */
  static final class Resources {
    private static final String ECHARTS_POM = "/META-INF/maven/org.webjars/echarts/pom.properties";

    private Resources() {}

    static String text(String name) {
      try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("missing resource dev/rigor/report/" + name);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static String echarts() {
      try (InputStream pom = HtmlReportWriter.class.getResourceAsStream(ECHARTS_POM)) {
        if (pom == null) {
          throw new IllegalStateException("ECharts is missing from the class path (org.webjars:echarts)");
        }
        Properties p = new Properties();
        p.load(pom);
        String path = "/META-INF/resources/webjars/echarts/" + p.getProperty("version") + "/echarts.min.js";
        try (InputStream js = HtmlReportWriter.class.getResourceAsStream(path)) {
          if (js == null) {
            throw new IllegalStateException("missing " + path);
          }
          // Inline, a literal "</script" would end the element; ECharts has none, but be safe.
          return new String(js.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
