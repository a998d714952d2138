package dev.rigor.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts the sweep JSON of seed 004's {@code sweep.py} unchanged ({@code name, sim_binary,
 * out_root, common_args, matrix} with {@code seeds} and {@code ablations} inside, {@code jobs}) by
 * rewriting its tree into Rigor's form: {@code command: [sim_binary, --out_dir, "{out}"]},
 * {@code args: flags} (so {@code --seed N} and every param are appended), and — unless the file
 * says otherwise — the metrics seed 004's {@code collect.py} merged: {@code out/summary.csv} and
 * {@code out/tiers.csv} widened to {@code {provider}_tier{tier_id}_{column}}. Any Rigor key may be
 * added to such a file. Positions are kept, so errors still point into the original file.
 */
public final class Seed004Format {

  private static final List<String> SEED004_KEYS = List.of("sim_binary", "common_args");

  private Seed004Format() {}

  /** True when {@code root} looks like a seed-004 sweep config. */
  public static boolean matches(SpecNode root) {
    if (!(root instanceof SpecNode.MapNode top)) {
      return false;
    }
    if (SEED004_KEYS.stream().anyMatch(top::has)) {
      return true;
    }
    return top.get("matrix") instanceof SpecNode.MapNode m && (m.has("seeds") || m.has("ablations"));
  }

  /** Rewrites a seed-004 tree into Rigor's spec tree. */
  public static SpecNode.MapNode convert(SpecNode.MapNode top) {
    Map<String, SpecNode.Field> out = new LinkedHashMap<>();
    for (SpecNode.Field f : top.fields().values()) {
      switch (f.key()) {
        case "sim_binary" -> out.put("command", new SpecNode.Field("command", f.keyPosition(), new SpecNode.ListNode(f.value().position(),
            List.of(f.value(), text(f, "--out_dir"), text(f, "{out}")))));
        case "common_args" -> out.put("params", new SpecNode.Field("params", f.keyPosition(), f.value()));
        case "matrix" -> splitMatrix(f, out);
        default -> out.put(f.key(), f);
      }
    }
    SourcePosition at = top.position();
    out.putIfAbsent("args", new SpecNode.Field("args", at, new SpecNode.ScalarNode(at, "flags")));
    out.putIfAbsent("order", new SpecNode.Field("order", at, new SpecNode.ScalarNode(at, "grid")));
    out.putIfAbsent("metrics", new SpecNode.Field("metrics", at, defaultMetrics(at)));
    out.putIfAbsent("success", new SpecNode.Field("success", at, map(at, Map.of("files",
        new SpecNode.ListNode(at, List.of(new SpecNode.ScalarNode(at, "out/summary.csv")))))));
    return new SpecNode.MapNode(at, out);
  }

  private static void splitMatrix(SpecNode.Field matrix, Map<String, SpecNode.Field> out) {
    if (!(matrix.value() instanceof SpecNode.MapNode m)) {
      out.put("matrix", matrix);
      return;
    }
    Map<String, SpecNode.Field> axes = new LinkedHashMap<>();
    for (SpecNode.Field f : m.fields().values()) {
      if (f.key().equals("seeds") || f.key().equals("ablations")) {
        out.put(f.key(), f);
      } else {
        axes.put(f.key(), f);
      }
    }
    out.put("matrix", new SpecNode.Field("matrix", matrix.keyPosition(), new SpecNode.MapNode(m.position(), axes)));
  }

  private static SpecNode defaultMetrics(SourcePosition at) {
    SpecNode summary = map(at, Map.of("csv", new SpecNode.ScalarNode(at, "out/summary.csv")));
    Map<String, SpecNode> tiers = new LinkedHashMap<>();
    tiers.put("csv", new SpecNode.ScalarNode(at, "out/tiers.csv"));
    tiers.put("key", new SpecNode.ListNode(at, List.of(new SpecNode.ScalarNode(at, "provider"), new SpecNode.ScalarNode(at, "tier_id"))));
    tiers.put("name", new SpecNode.ScalarNode(at, "{provider}_tier{tier_id}_{column}"));
    return new SpecNode.ListNode(at, List.of(summary, map(at, tiers)));
  }

  private static SpecNode.MapNode map(SourcePosition at, Map<String, SpecNode> values) {
    Map<String, SpecNode.Field> fields = new LinkedHashMap<>();
    values.forEach((k, v) -> fields.put(k, new SpecNode.Field(k, at, v)));
    return new SpecNode.MapNode(at, fields);
  }

  private static SpecNode text(SpecNode.Field near, String value) {
    return new SpecNode.ScalarNode(near.value().position(), value);
  }
}
