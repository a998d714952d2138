package dev.rigor.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code metrics:} and {@code success:}. */
final class MetricsSection {

  private static final List<String> KINDS = List.of("csv", "json", "regex");

  private final NodeReader r;

  MetricsSection(NodeReader r) {
    this.r = r;
  }

  List<MetricSpec> metrics(SpecNode node) {
    List<MetricSpec> metrics = new ArrayList<>();
    List<SpecNode> items = r.list(node, "metrics", "metrics: [{csv: out/summary.csv}]");
    if (items == null) {
      return metrics;
    }
    for (SpecNode item : items) {
      SpecNode.MapNode m = r.map(item, "metrics[]", "{csv: out/summary.csv}");
      if (m == null) {
        continue;
      }
      List<String> kinds = m.fields().keySet().stream().filter(KINDS::contains).toList();
      if (kinds.size() != 1) {
        r.error(m.position(), kinds.isEmpty() ? "a metric entry without csv, json or regex" : "a metric entry with both " + String.join(" and ", kinds),
            "each entry is one of {csv: path}, {json: path}, {regex: {file, pattern, name, type}}");
        if (kinds.isEmpty()) {
          r.checkKeys(m, "a metric entry", KINDS);
        }
        continue;
      }
      MetricSpec spec = switch (kinds.get(0)) {
        case "csv" -> csv(m);
        case "json" -> json(m);
        default -> regex(m);
      };
      if (spec != null) {
        metrics.add(spec);
      }
    }
    return metrics;
  }

  private MetricSpec csv(SpecNode.MapNode m) {
    r.checkKeys(m, "a csv metric", List.of("csv", "key", "name", "columns", "prefix"));
    Template path = r.template(m.get("csv"), "csv", "csv: out/summary.csv");
    List<String> key = strings(m, "key", "key: [provider, tier_id]");
    List<String> columns = strings(m, "columns", "columns: [latency_ms, cost]");
    String prefix = m.has("prefix") ? r.string(m.get("prefix"), "prefix", "prefix: train_") : "";
    Template name;
    if (m.has("name")) {
      name = r.template(m.get("name"), "name", "name: \"{provider}_{column}\"");
      if (name != null) {
        Set<String> allowed = new LinkedHashSet<>(key);
        allowed.add("column");
        for (String used : name.names()) {
          if (!allowed.contains(used)) {
            r.error(m.get("name").position(), "unknown placeholder '{" + used + "}' in a csv metric name",
                "use the key columns and {column}: " + DidYouMean.hint(used, allowed));
          }
        }
        if (!name.names().contains("column")) {
          r.error(m.get("name").position(), "a csv metric name without '{column}'", "add {column}, or every column would get the same name");
        }
        if (key.isEmpty()) {
          r.error(m.get("name").position(), "'name' needs 'key'", "name widened rows by key columns, e.g. key: [provider, tier_id]");
        }
      }
    } else {
      name = key.isEmpty() ? Template.parse("{column}") : Template.parse(String.join("_", key.stream().map(k -> "{" + k + "}").toList()) + "_{column}");
    }
    return path == null || name == null ? null : new MetricSpec.Csv(path, key, name, columns, prefix);
  }

  private MetricSpec json(SpecNode.MapNode m) {
    r.checkKeys(m, "a json metric", List.of("json", "fields", "prefix"));
    Template path = r.template(m.get("json"), "json", "json: out/metrics.json");
    List<String> fields = strings(m, "fields", "fields: [eval.accuracy]");
    String prefix = m.has("prefix") ? r.string(m.get("prefix"), "prefix", "prefix: eval_") : "";
    return path == null ? null : new MetricSpec.Json(path, fields, prefix);
  }

  private MetricSpec regex(SpecNode.MapNode m) {
    r.checkKeys(m, "a regex metric", List.of("regex"));
    SpecNode.MapNode spec = r.map(m.get("regex"), "regex", "regex: {file: stdout, pattern: \"loss=([0-9.]+)\", name: loss, type: float}");
    if (spec == null) {
      return null;
    }
    r.checkKeys(spec, "a regex metric", List.of("file", "pattern", "name", "type"));
    for (String required : List.of("pattern", "name")) {
      if (!spec.has(required)) {
        r.error(spec.position(), "a regex metric has no '" + required + "'", "add " + required + ": ...");
      }
    }
    String file = spec.has("file") ? r.string(spec.get("file"), "regex.file", "file: stdout") : "stdout";
    String name = spec.has("name") ? r.string(spec.get("name"), "regex.name", "name: loss") : null;
    MetricSpec.ValueType type = spec.has("type") ? r.choice(spec.get("type"), "regex.type", MetricSpec.ValueType.class) : MetricSpec.ValueType.FLOAT;
    Pattern pattern = null;
    if (spec.has("pattern")) {
      String text = r.string(spec.get("pattern"), "regex.pattern", "pattern: \"loss=([0-9.]+)\"");
      if (text != null) {
        try {
          pattern = Pattern.compile(text);
        } catch (PatternSyntaxException e) {
          r.error(spec.get("pattern").position(), "bad regular expression: " + e.getDescription(),
              "fix the pattern (Java regex syntax; group 1 is the value)");
        }
      }
    }
    if (file == null || name == null || pattern == null || type == null) {
      return null;
    }
    return new MetricSpec.Regex(file, pattern, name, type);
  }

  SuccessCriteria success(SpecNode node) {
    SpecNode.MapNode m = r.map(node, "success", "success: {exit_code: 0, files: [out/result.json]}");
    if (m == null) {
      return SuccessCriteria.DEFAULT;
    }
    r.checkKeys(m, "success", List.of("exit_code", "files", "metrics"));
    Set<Integer> codes = new LinkedHashSet<>();
    if (m.has("exit_code")) {
      for (SpecNode item : r.listOrOne(m.get("exit_code"))) {
        Long code = r.integer(item, "success.exit_code", 0, "exit_code: 0");
        if (code != null) {
          codes.add(code.intValue());
        }
      }
    }
    if (codes.isEmpty()) {
      codes.add(0);
    }
    List<Template> files = new ArrayList<>();
    if (m.has("files")) {
      List<SpecNode> items = r.list(m.get("files"), "success.files", "files: [out/summary.csv]");
      if (items != null) {
        for (SpecNode item : items) {
          Template t = r.template(item, "success.files[]", "files: [out/summary.csv]");
          if (t != null) {
            files.add(t);
          }
        }
      }
    }
    return new SuccessCriteria(codes, files, strings(m, "metrics", "metrics: [accuracy]"));
  }

  private List<String> strings(SpecNode.MapNode m, String key, String example) {
    List<String> out = new ArrayList<>();
    if (!m.has(key)) {
      return out;
    }
    List<SpecNode> items = r.list(m.get(key), key, example);
    if (items != null) {
      for (SpecNode item : items) {
        String s = r.string(item, key + "[]", example);
        if (s != null) {
          out.add(s);
        }
      }
    }
    return out;
  }
}
