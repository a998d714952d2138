package dev.rigor.report;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.store.ExperimentDirectory;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report API: compute the data once ({@link ReportBuilder}), render it in each asked-for format
 * (one writer per format), and let {@link ReportFiles} own the files. Used by {@code rigor report} and
 * at the end of {@code rigor run}.
 */
public final class Reports {

  /** The report's directory inside an experiment directory. */
  public static Path defaultDirectory(ExperimentDirectory dir) {
    return dir.report();
  }

  private Reports() {}

  /**
   * Writes {@code index.html}, {@code report.md} and {@code assets/*.png|svg} (as asked) into {@code out}.
   *
   * @param version Rigor's version, recorded in the page
   */
  public static ReportOutput write(ExperimentDirectory dir, Path out, ReportOptions options, String version)
      throws AnalysisException, IOException {
    ReportData data = ReportBuilder.build(dir, options);
    return ReportFiles.write(data, out, runsBase(out, dir), options.formats(), version);
  }

  /** The report as Markdown only (for stdout and {@code $GITHUB_STEP_SUMMARY}): no images. */
  public static String markdown(ExperimentDirectory dir, ReportOptions options) throws AnalysisException, IOException {
    return MarkdownReportWriter.render(ReportBuilder.build(dir, options), Map.of());
  }

  /**
   * The experiment's {@code runs/} directory as a URL relative to the report directory (so the report
   * can move with its experiment), or an absolute {@code file:} URL when there is no relative path.
   */
  static String runsBase(Path out, ExperimentDirectory dir) {
    Path from = out.toAbsolutePath().normalize();
    Path to = dir.runs().toAbsolutePath().normalize();
    if (from.getRoot() == null || !from.getRoot().equals(to.getRoot())) {
      return to.toUri().toString();
    }
    List<String> segments = new ArrayList<>();
    for (Path p : from.relativize(to)) {
      String s = p.toString();
      segments.add(s.equals("..") ? s : URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return segments.isEmpty() ? "" : String.join("/", segments) + "/";
  }
}
