package dev.rigor.serve;

import dev.rigor.report.HtmlReportWriter;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The pages' files, bundled in the jar: two HTML pages, a style sheet, the scripts, and ECharts
 * (the report's, from its webjar). Only these names are served; a Content Security Policy lets the
 * pages load nothing but their own origin's scripts, styles and event streams.
 */
final class Assets {

  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
      + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Map<String, String> TYPES = Map.of(
      "dashboard.css", "text/css; charset=utf-8",
      "common.js", "text/javascript; charset=utf-8",
      "list.js", "text/javascript; charset=utf-8",
      "experiment.js", "text/javascript; charset=utf-8",
      "echarts.min.js", "text/javascript; charset=utf-8");

  private static final class ECharts {
    static final byte[] BYTES = HtmlReportWriter.echarts().getBytes(StandardCharsets.UTF_8);
  }

  private Assets() {}

  static void page(Context ctx, String name) {
    ctx.header("Content-Security-Policy", CSP).contentType("text/html; charset=utf-8").result(bytes(name));
  }

  static void asset(Context ctx, String name) {
    String type = TYPES.get(name);
    if (type == null) {
      throw new Dashboard.NotFound("no asset named '" + name + "'");
    }
    ctx.header("Cache-Control", "private, max-age=3600").contentType(type)
        .result(name.equals("echarts.min.js") ? ECharts.BYTES : bytes(name));
  }

  private static byte[] bytes(String name) {
    try (InputStream in = Assets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dev/rigor/serve/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
