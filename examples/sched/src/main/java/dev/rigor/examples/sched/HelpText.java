package dev.rigor.examples.sched;

import java.util.Locale;

/** The text of {@code --help}; defaults are quoted from {@link Param}, never repeated here. */
final class HelpText {
  private HelpText() {}

  static String render() {
    StringBuilder out = new StringBuilder();
    out.append("Usage: sched-sim --out_dir DIR [--name value | --name=value]...\n\n")
        .append("Discrete-event simulation of LLM-agent workflows (PDF parsing, embeddings,\n")
        .append("iterated LLM sub-queries, a final answer) scheduled onto provider tiers with\n")
        .append("heavy-tailed latency, prices and concurrency limits.\n\nFlags:\n");
    for (Param p : Param.values()) {
      String name = "--" + p.key() + (p.type() == Param.Type.BOOL ? "" : " " + placeholder(p));
      String dflt = p.defaultValue() == null ? "" : " (default " + p.defaultValue() + ")";
      out.append(String.format(Locale.ROOT, "  %-28s %s%s%n", name, p.help(), dflt));
    }
    out.append("  --help                       this text\n\n")
        .append("Booleans: bare flag = true, or --flag true|false, or --flag=false.\n\n")
        .append("Writes to --out_dir: summary.csv (one row: makespan mean/p50/p95/p99 in ms,\n")
        .append("cost mean/p50 in USD per workflow), workflows.csv, tiers.csv, trace.json.\n")
        .append("Prints one line: makespan_p95_ms=... cost_mean=... policy=...\n")
        .append("If RIGOR_METRICS names a file, appends JSON lines\n")
        .append("{\"step\": <simulated ms>, \"completed_workflows\": k, \"cost_usd\": x}.\n\n")
        .append("Exit codes: 0 ok, 1 output could not be written, 2 bad arguments.\n\n")
        .append("Example:\n  java -jar sched-sim.jar --workflows 50 --policy full")
        .append(" --enable_model_routing --seed 1 --out_dir /tmp/sched\n");
    return out.toString();
  }

  private static String placeholder(Param p) {
    switch (p.type()) {
      case INT:
      case LONG:
        return "N";
      case DOUBLE:
        return "X";
      case POLICY:
        return "NAME";
      case PATH:
        return "DIR";
      default:
        return "V";
    }
  }
}
