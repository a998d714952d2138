package dev.rigor.report;

import dev.rigor.store.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of the page rendered as HTML by Rigor (so they show at once, and without JavaScript): the
 * navigation, the summary, the section frames the page's script draws into, and the failures.
 */
final class HtmlSections {

  /** A section of the page: its anchor, title and how to read it. */
  record Frame(String id, String nav, String title, String how) {}

  private HtmlSections() {}

  static List<Frame> frames(ReportData data) {
    List<Frame> out = new ArrayList<>();
    if (!data.metrics().isEmpty()) {
      out.add(new Frame("metrics", "Metrics", "Metrics by variation", "Each dot is a run; the bar is the mean of the variation's ok runs with its "
          + MetricCharts.intervalText(ReportDefaults.CONFIDENCE) + ". Hover for numbers; click a dot to find the run in the table."));
    }
    if (!data.control().isEmpty() || !data.control().notes().isEmpty()) {
      out.add(new Frame("control", "Control", "Against the control: " + data.control().control(), how(data.control(), "")));
    }
    if (!data.ablations().isEmpty() || !data.ablations().notes().isEmpty()) {
      out.add(new Frame("ablations", "Ablations", "Ablations against the baseline", how(data.ablations(),
          " A ratio above 1 means the ablation raises the metric.")));
    }
    if (!data.curves().isEmpty()) {
      out.add(new Frame("curves", "Curves", "Learning curves", "Series metrics by step: the mean across a variation's runs with its "
          + MetricCharts.intervalText(ReportDefaults.CONFIDENCE).replace("CI of the mean", "confidence band")
          + ". A run counts at a step with its latest value at or before it. Click legend entries to show or hide lines."));
    }
    if (!data.variance().isEmpty()) {
      out.add(new Frame("variance", "Variance", "How many runs are enough?", "Coefficient of variation of the mean of n runs (bootstrap, with its"
          + " 10–90% band) against n; the dashed line is the precision asked for. Beyond the runs there are, the curve extrapolates."));
    }
    out.add(new Frame("runs", "Runs", "Runs", "Every run (the latest attempt of each trial). Click a header to sort; type under a header to"
        + " filter (text: contains; numbers: >5, <=2, 1..3, =0); choose columns; the links open the run's files."));
    return out;
  }

  private static String how(EffectSection s, String more) {
    return s.isEmpty() ? "Nothing could be compared: the notes below say why."
        : s.design() + "." + more + " Filled markers: significant; hollow: not.";
  }

  static String nav(ReportData data) {
    Html h = new Html().open("nav", "class", "top").el("span", "rigor report", "class", "brand")
        .el("span", data.header().name(), "class", "name").el("a", "Summary", "href", "#summary");
    for (Frame f : frames(data)) {
      h.el("a", f.nav(), "href", "#" + f.id());
    }
    if (!data.sessions().isEmpty()) {
      h.el("a", "Sessions", "href", "#sessions");
    }
    if (data.spending().isPresent()) {
      h.el("a", "Spending", "href", "#spending");
    }
    if (data.failureCount() > 0) {
      h.el("a", "Failures (" + data.failureCount() + ")", "href", "#failures");
    }
    return h.close("nav").toString();
  }

  static String frames(List<Frame> frames) {
    Html h = new Html();
    for (Frame f : frames) {
      h.open("section", "id", f.id()).el("h2", f.title()).el("p", f.how(), "class", "how")
          .open("div", "id", f.id() + "-body").close("div").close("section").newline();
    }
    return h.toString();
  }

  static String summary(ReportHeader header) {
    Html h = new Html().open("section", "id", "summary").el("h1", header.name());
    if (!header.description().isBlank()) {
      h.el("p", header.description(), "class", "description");
    }
    h.open("div", "class", "tiles");
    tile(h, String.format(java.util.Locale.ROOT, "%,d", header.runs()), "runs (latest attempt of each trial)");
    h.open("div", "class", "tile").open("div", "class", "v");
    for (Map.Entry<RunStatus, Integer> e : header.counts().entrySet()) {
      h.el("span", e.getValue() + " " + e.getKey().json(), "class", "status " + e.getKey().json()).text(" ");
    }
    h.close("div").el("div", "by status", "class", "k").close("div");
    tile(h, Numbers.duration(header.wallSeconds()), "total wall time of the runs");
    tile(h, header.cpuSeconds().map(Numbers::duration).orElse(Numbers.MISSING), "total CPU time of the runs");
    h.close("div").open("dl", "class", "facts");
    for (ReportHeader.Fact f : header.provenance()) {
      h.el("dt", f.label()).el("dd", f.value());
    }
    h.el("dt", "report generated").el("dd", HeaderReader.time(header.generatedAt())).close("dl");
    notes(h, header.notes());
    return h.close("section").toString();
  }

  /** What each variation spent and how often it succeeded (with a budget); every cell escaped by {@link Html}. */
  static String spending(ReportData data) {
    if (data.spending().isEmpty()) {
      return "";
    }
    dev.rigor.analysis.Spending sp = data.spending().get();
    Table table = SpendingTable.of(sp);
    Html h = new Html().open("section", "id", "spending").el("h2", "Spending (" + sp.metric() + ")")
        .el("p", SpendingTable.headline(sp), "class", "how").open("table", "class", "spending").open("thead").open("tr");
    table.header().forEach(c -> h.el("th", c));
    h.close("tr").close("thead").open("tbody");
    for (int i = 0; i < table.size(); i++) {
      h.open("tr");
      table.row().apply(i).forEach(c -> h.el("td", c));
      h.close("tr");
    }
    return h.close("tbody").close("table").close("section").newline().toString();
  }

  static String failures(ReportData data, String runsBase) {
    if (data.failureCount() == 0) {
      return "";
    }
    Html h = new Html().open("section", "id", "failures").el("h2", "Failures (" + data.failureCount() + ")")
        .el("p", "Runs that did not end ok, with the end of their stderr"
            + (data.failureCount() > data.failures().size() ? "; the first " + data.failures().size() + " are shown (filter the runs"
                + " table by status for the others)" : "") + ".", "class", "how");
    for (FailedRun f : data.failures()) {
      h.open("div", "class", "failure").open("div", "class", "head")
          .el("span", f.status().json(), "class", "status " + f.status().json())
          .el("a", f.runId(), "class", "id", "href", Html.runLink(runsBase, f.runId(), ""));
      if (f.exitCode() != null) {
        h.el("span", "exit code " + f.exitCode());
      }
      h.el("span", "attempt " + f.attempt());
      if (f.error() != null) {
        h.el("span", f.error());
      }
      h.open("span", "class", "files").el("a", "meta.json", "href", Html.runLink(runsBase, f.runId(), "meta.json")).text(" ")
          .el("a", "stdout", "href", Html.runLink(runsBase, f.runId(), "stdout.txt")).text(" ")
          .el("a", "stderr", "href", Html.runLink(runsBase, f.runId(), "stderr.txt")).close("span").close("div");
      if (f.stderrTail().isEmpty()) {
        h.el("div", "stderr is empty", "class", "empty");
      } else {
        h.el("pre", String.join("\n", f.stderrTail()));
      }
      h.close("div").newline();
    }
    return h.close("section").toString();
  }

  /** Sessions by variation: success rate with its Wilson interval, how they ended, and each run's transcript. */
  static String sessions(SessionSection s) {
    if (s.isEmpty()) {
      return "";
    }
    Html h = new Html().open("section", "id", "sessions").el("h2", "Sessions")
        .el("p", "Interactive sessions by variation. Success: ended by end and every verification passed, of the sessions that"
            + " finished, with its " + Math.round(ReportDefaults.CONFIDENCE * 100) + "% Wilson score interval; then how the sessions"
            + " ended. Each link opens a run's transcript as a conversation.", "class", "how");
    h.open("table", "class", "sessions").open("thead").open("tr").el("th", "variation").el("th", "success").el("th", "CI");
    SessionSection.ENDS.forEach(end -> h.el("th", end));
    h.el("th", "transcripts").close("tr").close("thead").open("tbody");
    for (SessionSection.Row row : s.rows()) {
      h.open("tr").el("td", row.variation());
      if (row.success() == null) {
        h.el("td", "—").el("td", "");
      } else {
        h.el("td", percent(row.success().estimate()) + " (" + row.ok() + "/" + row.finished() + ")")
            .el("td", "[" + percent(row.success().lower()) + ", " + percent(row.success().upper()) + "]");
      }
      SessionSection.ENDS.forEach(end -> h.el("td", Integer.toString(row.ends().get(end))));
      h.open("td", "class", "transcripts");
      for (SessionSection.Session run : row.sessions()) {
        h.el("a", run.label(), "href", SessionSection.TRANSCRIPTS + "/" + java.net.URLEncoder.encode(run.runId(),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + ".html",
            "class", run.ok() ? "ok" : "failed", "title", run.end() + ", " + run.turns() + " turns").text(" ");
      }
      h.close("td").close("tr");
    }
    return h.close("tbody").close("table").close("section").newline().toString();
  }

  private static String percent(double fraction) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", fraction * 100);
  }

  static void notes(Html h, List<String> notes) {
    if (notes.isEmpty()) {
      return;
    }
    h.open("ul", "class", "notes");
    notes.forEach(n -> h.el("li", n));
    h.close("ul");
  }

  private static void tile(Html h, String value, String label) {
    h.open("div", "class", "tile").el("div", value, "class", "v").el("div", label, "class", "k").close("div");
  }
}
