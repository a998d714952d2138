package dev.rigor.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.owasp.encoder.Encode;

/**
 * Builds HTML in which every text and attribute value is escaped by OWASP's encoder: tag and
 * attribute names are the only literals, so nothing a run produced can become markup.
 */
final class Html {

  private final StringBuilder b = new StringBuilder();

  /** {@code <tag a="v" …>}; {@code attributes} are name, value pairs (values escaped). */
  Html open(String tag, String... attributes) {
    b.append('<').append(tag);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      b.append(' ').append(attributes[i]).append("=\"").append(Encode.forHtmlAttribute(attributes[i + 1])).append('"');
    }
    b.append('>');
    return this;
  }

  Html close(String tag) {
    b.append("</").append(tag).append('>');
    return this;
  }

  /** Escaped text. */
  Html text(String s) {
    b.append(Encode.forHtmlContent(s == null ? "" : s));
    return this;
  }

  /** {@code <tag …>text</tag>}. */
  Html el(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  Html newline() {
    b.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return b.toString();
  }

  /**
   * A link to a file of a run directory: {@code base} (the runs/ directory relative to the report,
   * e.g. {@code ../runs/}) + the run id as one percent-encoded path segment + {@code file}.
   */
  static String runLink(String base, String runId, String file) {
    return base + URLEncoder.encode(runId, StandardCharsets.UTF_8).replace("+", "%20") + "/" + file;
  }
}
