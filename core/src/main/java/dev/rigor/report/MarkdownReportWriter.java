package dev.rigor.report;

import dev.rigor.analysis.Comparison;
import dev.rigor.analysis.Spending;
import dev.rigor.spec.Goal;
import dev.rigor.store.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report as GitHub-flavoured Markdown: summary and comparison tables that fit a pull request or
 * {@code $GITHUB_STEP_SUMMARY}. Text from runs is escaped (tables by {@link TableFormat#MD}, the rest by
 * {@link #text}); stderr goes into fenced blocks longer than any backtick run it contains.
 */
public final class MarkdownReportWriter {

  private static final int MAX_FAILURES = 10;

  private MarkdownReportWriter() {}

  /**
   * @param images the charts to link, by section ("metrics", "control", "ablations", "curves"), as
   *     relative paths (empty when no images were written, e.g. on stdout)
   */
  public static String render(ReportData data, Map<String, List<String>> images) {
    StringBuilder md = new StringBuilder();
    header(md, data.header());
    md.append(AdaptiveSection.markdown(data));
    metrics(md, data, images.getOrDefault("metrics", List.of()));
    effects(md, "Against the control: " + data.control().control(), data.control(), images.getOrDefault("control", List.of()));
    effects(md, "Ablations against the baseline", data.ablations(), images.getOrDefault("ablations", List.of()));
    links(md, "Learning curves", images.getOrDefault("curves", List.of()));
    data.spending().ifPresent(sp -> spending(md, sp));
    failures(md, data);
    return md.toString();
  }

  private static void header(StringBuilder md, ReportHeader h) {
    md.append("# ").append(text(h.name())).append(" — rigor report\n\n");
    if (!h.description().isBlank()) {
      md.append(text(h.description())).append("\n\n");
    }
    List<String> counts = new ArrayList<>();
    h.counts().forEach((s, n) -> counts.add(n + " " + s.json()));
    md.append("**").append(h.runs()).append(" runs**: ").append(String.join(" · ", counts)).append(" · wall time ")
        .append(Numbers.duration(h.wallSeconds())).append(" · CPU time ").append(h.cpuSeconds().map(Numbers::duration)
        .orElse(Numbers.MISSING)).append("  \n");
    List<String> facts = new ArrayList<>();
    for (ReportHeader.Fact f : h.provenance()) {
      if (!f.label().equals("command")) {
        facts.add(text(f.label()) + " " + text(f.value()));
      }
    }
    facts.add("report generated " + HeaderReader.time(h.generatedAt()));
    md.append(String.join(" · ", facts)).append("\n\n");
    notes(md, h.notes());
  }

  private static void metrics(StringBuilder md, ReportData data, List<String> images) {
    if (data.metrics().isEmpty()) {
      return;
    }
    md.append("## Metrics by variation\n\n").append("Mean of the ok runs [")
        .append(MetricCharts.intervalText(ReportDefaults.CONFIDENCE)).append("]; n = runs with a value.\n\n");
    MetricChart first = data.metrics().get(0);
    Table.Builder t = Table.builder();
    List<String> axes = axisTitles(first.axes());
    axes.forEach(t::column);
    t.numberColumn("n");
    data.metrics().forEach(m -> t.numberColumn(metricHeader(m.metric().label(), m.goal())));
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Map<String, Integer> n = new LinkedHashMap<>();
    for (int i = 0; i < data.metrics().size(); i++) {
      for (MetricChart.Bar b : data.metrics().get(i).bars()) {
        List<String> row = rows.computeIfAbsent(b.group(), g -> newRow(placementCells(first.axes(), b.at()), data.metrics().size() + 1));
        n.merge(b.group(), b.n(), Math::max);
        row.set(axes.size(), Integer.toString(n.get(b.group())));
        row.set(axes.size() + 1 + i, Numbers.withInterval(b.mean(), b.lower(), b.upper()));
      }
    }
    rows.values().forEach(t::row);
    md.append(TableFormat.MD.render(t.build())).append('\n');
    links(md, null, images);
  }

  private static void effects(StringBuilder md, String title, EffectSection s, List<String> images) {
    if (s.isEmpty()) {
      if (!s.notes().isEmpty()) {
        md.append("## ").append(text(title)).append("\n\n");
        notes(md, s.notes());
      }
      return;
    }
    md.append("## ").append(text(title)).append("\n\n").append(text(capitalized(s.design()))).append(".\n\n");
    ChartAxes axes = s.charts().get(0).axes();
    Table.Builder t = Table.builder();
    List<String> titles = axisTitles(axes);
    titles.forEach(t::column);
    s.charts().forEach(c -> t.column(metricHeader(c.metric().label(), c.goal())));
    Map<Placement, List<String>> rows = new LinkedHashMap<>();
    for (int i = 0; i < s.charts().size(); i++) {
      for (EffectChart.Row r : s.charts().get(i).rows()) {
        List<String> row = rows.computeIfAbsent(r.at(), p -> newRow(placementCells(axes, p), s.charts().size()));
        row.set(titles.size() + i, effectCell(r.comparison()));
      }
    }
    rows.values().forEach(t::row);
    md.append(TableFormat.MD.render(t.build())).append('\n');
    links(md, null, images);
    if (!s.notes().isEmpty()) {
      md.append("<details><summary>How runs were paired (").append(s.notes().size()).append(" notes)</summary>\n\n");
      notes(md, s.notes());
      md.append("</details>\n\n");
    }
  }

  /** {@code 0.62× [0.55, 0.7] **better**}. */
  static String effectCell(Comparison c) {
    String effect = c.effect().map(e -> Numbers.ratioWithInterval(e.estimate(), e.lower(), e.upper())).orElse(Numbers.MISSING);
    return switch (c.verdict()) {
      case BETTER, WORSE, HIGHER, LOWER -> effect + " **" + c.verdict().text() + "**";
      case INSUFFICIENT -> effect + " (too few runs)";
      case NO_DIFFERENCE -> effect;
    };
  }

  private static void spending(StringBuilder md, Spending sp) {
    md.append("## Spending (").append(text(sp.metric())).append(")\n\n");
    md.append(SpendingTable.headline(sp)).append("\n\n");
    md.append(TableFormat.MD.render(SpendingTable.of(sp))).append('\n');
  }

  private static void failures(StringBuilder md, ReportData data) {
    if (data.failureCount() == 0) {
      return;
    }
    md.append("## Failures (").append(data.failureCount()).append(")\n\n");
    Table.Builder t = Table.builder().column("run").column("status").numberColumn("exit code").column("error");
    for (FailedRun f : data.failures().subList(0, Math.min(MAX_FAILURES, data.failures().size()))) {
      t.row(List.of(f.runId(), f.status().json(), f.exitCode() == null ? "" : f.exitCode().toString(), f.error() == null ? "" : f.error()));
    }
    md.append(TableFormat.MD.render(t.build())).append('\n');
    if (data.failureCount() > MAX_FAILURES) {
      md.append("… and ").append(data.failureCount() - MAX_FAILURES).append(" more (the HTML report lists them).\n\n");
    }
    for (FailedRun f : data.failures().subList(0, Math.min(MAX_FAILURES, data.failures().size()))) {
      if (f.stderrTail().isEmpty()) {
        continue;
      }
      String body = String.join("\n", f.stderrTail());
      String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
      md.append("<details><summary>").append(text(f.runId())).append(": stderr (last ").append(f.stderrTail().size())
          .append(" lines)</summary>\n\n").append(fence).append("text\n").append(body).append('\n').append(fence)
          .append("\n\n</details>\n\n");
    }
  }

  private static void links(StringBuilder md, String title, List<String> images) {
    if (images.isEmpty()) {
      return;
    }
    if (title != null) {
      md.append("## ").append(text(title)).append("\n\n");
    }
    for (String image : images) {
      String alt = image.substring(image.lastIndexOf('/') + 1).replaceAll("\\.(png|svg)$", "");
      md.append("![").append(text(alt)).append("](").append(image.replace(" ", "%20").replace("(", "%28").replace(")", "%29"))
          .append(")\n");
    }
    md.append('\n');
  }

  private static void notes(StringBuilder md, List<String> notes) {
    for (String n : notes) {
      md.append("- ").append(text(n)).append('\n');
    }
    if (!notes.isEmpty()) {
      md.append('\n');
    }
  }

  private static String metricHeader(String metric, Optional<Goal> goal) {
    String unit = Units.of(metric);
    return metric + goal.map(g -> g == Goal.MIN ? " ↓" : " ↑").orElse("") + (unit.isEmpty() ? "" : " (" + unit + ")");
  }

  private static List<String> axisTitles(ChartAxes a) {
    List<String> out = new ArrayList<>();
    if (!a.facetTitle().isEmpty()) {
      out.add(a.facetTitle());
    }
    out.add(a.xTitle().isEmpty() ? "group" : a.xTitle());
    if (!a.colorTitle().isEmpty()) {
      out.add(a.colorTitle());
    }
    return out;
  }

  private static List<String> placementCells(ChartAxes a, Placement p) {
    List<String> out = new ArrayList<>();
    if (!a.facetTitle().isEmpty()) {
      out.add(p.facet());
    }
    out.add(p.x());
    if (!a.colorTitle().isEmpty()) {
      out.add(p.color());
    }
    return out;
  }

  private static List<String> newRow(List<String> head, int cells) {
    List<String> row = new ArrayList<>(head);
    for (int i = 0; i < cells; i++) {
      row.add("");
    }
    return row;
  }

  private static int longestBacktickRun(String s) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Markdown text outside tables: punctuation that could start markup is backslash-escaped, HTML characters are entities. */
  static String text(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '\n', '\r' -> b.append(' ');
        case '\\', '`', '*', '_', '[', ']', '#', '|', '!', '~' -> b.append('\\').append(c);
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
