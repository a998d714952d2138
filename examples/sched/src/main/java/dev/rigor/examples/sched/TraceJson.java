package dev.rigor.examples.sched;

import java.util.Map;

/**
 * {@code trace.json}: the run's configuration, event counts, and the first
 * {@link Engine#TRACE_CAP} events, one per line. Bounded so that a sweep of hundreds of runs
 * does not fill the disk; {@code truncated} says whether events were left out.
 */
final class TraceJson {
  static final String SCHEMA = "sched-sim.trace/1";

  private TraceJson() {}

  static String render(SimResult result) {
    Trace trace = result.trace();
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"schema\": \"").append(SCHEMA).append("\",\n");
    out.append("  \"seed\": ").append(result.seed()).append(",\n");
    out.append("  \"config\": ").append(object(result.config().toParams())).append(",\n");
    out.append("  \"horizon_ms\": ").append(DecimalText.fixed(result.horizonMs(), 3))
        .append(",\n");
    out.append("  \"total_events\": ").append(trace.totalEvents()).append(",\n");
    out.append("  \"kept_events\": ").append(trace.events().size()).append(",\n");
    out.append("  \"truncated\": ").append(trace.truncated()).append(",\n");
    out.append("  \"counts\": {");
    String sep = "";
    for (TraceType t : TraceType.values()) {
      out.append(sep).append('"').append(t.jsonName()).append("\": ")
          .append(trace.counts().getOrDefault(t, 0L));
      sep = ", ";
    }
    out.append("},\n  \"events\": [");
    sep = "\n    ";
    for (TraceEvent e : trace.events()) {
      out.append(sep).append(event(e));
      sep = ",\n    ";
    }
    return out.append("\n  ]\n}\n").toString();
  }

  private static String event(TraceEvent e) {
    StringBuilder out = new StringBuilder("{\"t_ms\": ").append(DecimalText.fixed(e.timeMs(), 3))
        .append(", \"type\": \"").append(e.type().jsonName())
        .append("\", \"wf\": ").append(e.workflow());
    if (e.kind() != null) {
      out.append(", \"req\": ").append(e.request())
          .append(", \"kind\": \"").append(e.kind().traceName())
          .append("\", \"provider\": \"").append(e.tier().provider().csvName())
          .append("\", \"tier\": ").append(e.tier().id())
          .append(", \"attempt\": ").append(e.attempt());
    }
    if (e.heavyTail()) {
      out.append(", \"heavy_tail\": true");
    }
    return out.append('}').toString();
  }

  private static String object(Map<String, Object> values) {
    StringBuilder out = new StringBuilder("{");
    String sep = "";
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      out.append(sep).append('"').append(entry.getKey()).append("\": ")
          .append(value(entry.getValue()));
      sep = ", ";
    }
    return out.append('}').toString();
  }

  private static String value(Object v) {
    if (v instanceof Double) {
      return DecimalText.plain((Double) v);
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
