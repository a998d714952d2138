package dev.rigor.report;

import dev.rigor.store.AdaptiveFile;
import java.util.Locale;

/**
 * The report's section on adaptive replication: why it stopped, and for every variation its seeds,
 * why it stopped and the anytime-valid intervals the decisions used (the only intervals that stay
 * valid when seeds were added because of the data).
 */
final class AdaptiveSection {

  static final String NOTE = "adaptive experiment: seeds were added where the answer was unclear, so the intervals that hold"
      + " are the anytime-valid ones in the Adaptive replication section; the charts' fixed-n intervals are descriptive only";

  private AdaptiveSection() {}

  static String html(ReportData data) {
    if (data.adaptive().isEmpty()) {
      return "";
    }
    AdaptiveFile a = data.adaptive().get();
    Html h = new Html().open("section", "id", "adaptive").el("h2", "Adaptive replication")
        .el("p", headline(a), "class", "how");
    h.open("table").open("thead").open("tr");
    for (String c : new String[] {"variation", "seeds", "stopped", "why", "metric", "of", "n", "estimate", "anytime-valid interval", "verdict"}) {
      h.el("th", c);
    }
    h.close("tr").close("thead").open("tbody");
    for (AdaptiveFile.VariationState v : a.variations()) {
      if (v.metrics().isEmpty()) {
        row(h, v, null);
      }
      for (AdaptiveFile.MetricState m : v.metrics()) {
        row(h, v, m);
      }
    }
    return h.close("tbody").close("table").close("section").toString();
  }

  private static void row(Html h, AdaptiveFile.VariationState v, AdaptiveFile.MetricState m) {
    h.open("tr").el("td", v.label()).el("td", Integer.toString(v.seeds())).el("td", v.state()).el("td", v.why());
    if (m == null) {
      h.el("td", "").el("td", "").el("td", "").el("td", "").el("td", "").el("td", "");
    } else {
      h.el("td", m.metric()).el("td", m.of()).el("td", Integer.toString(m.n())).el("td", num(m.estimate()))
          .el("td", interval(m)).el("td", m.verdict());
    }
    h.close("tr");
  }

  static String markdown(ReportData data) {
    if (data.adaptive().isEmpty()) {
      return "";
    }
    AdaptiveFile a = data.adaptive().get();
    StringBuilder md = new StringBuilder("## Adaptive replication\n\n").append(MarkdownReportWriter.text(headline(a))).append("\n\n");
    md.append("| variation | seeds | stopped | why | metric | n | estimate | anytime-valid interval | verdict |\n");
    md.append("| --- | --: | --- | --- | --- | --: | --: | --- | --- |\n");
    for (AdaptiveFile.VariationState v : a.variations()) {
      for (AdaptiveFile.MetricState m : v.metrics()) {
        md.append("| ").append(cell(v.label())).append(" | ").append(v.seeds()).append(" | ").append(v.state()).append(" | ")
            .append(cell(v.why())).append(" | ").append(cell(m.metric() + " (" + m.of() + ")")).append(" | ").append(m.n())
            .append(" | ").append(num(m.estimate())).append(" | ").append(interval(m)).append(" | ").append(m.verdict()).append(" |\n");
      }
    }
    return md.append('\n').toString();
  }

  private static String headline(AdaptiveFile a) {
    String state = a.finished() ? "Stopped after round " + a.round() + " (" + a.stop() + "): " + a.stopDetail() + "."
        : "Round " + a.round() + " is under way.";
    return state + " Intervals: " + a.method() + ", each valid at level " + num(1 - a.alpha())
        + " over every round however often it was looked at.";
  }

  private static String cell(String s) {
    return MarkdownReportWriter.text(s).replace("|", "\\|");
  }

  private static String interval(AdaptiveFile.MetricState m) {
    return "[" + (m.lower() == null ? "-∞" : num(m.lower())) + ", " + (m.upper() == null ? "∞" : num(m.upper())) + "]";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
