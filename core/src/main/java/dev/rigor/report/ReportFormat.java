package dev.rigor.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What {@code rigor report --format} can write: one writer per format. */
public enum ReportFormat {
  /** {@code index.html}: one self-contained, interactive page. */
  HTML,
  /** {@code report.md}: GitHub-flavoured summary and comparison tables. */
  MD,
  /** {@code assets/*.png}: the charts as images. */
  PNG,
  /** {@code assets/*.svg}: the charts as vector images. */
  SVG;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code html,md,png,svg} (any subset, any order, case-insensitive).
   *
   * @throws IllegalArgumentException naming the unknown format and the ones that exist
   */
  public static Set<ReportFormat> parseList(String text) {
    Set<ReportFormat> out = EnumSet.noneOf(ReportFormat.class);
    for (String part : text.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      try {
        out.add(valueOf(p.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown report format '" + p + "' (html, md, png or svg, comma-separated)");
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no report format given (html, md, png or svg, comma-separated)");
    }
    return out;
  }
}
