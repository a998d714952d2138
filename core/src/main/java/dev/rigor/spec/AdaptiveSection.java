package dev.rigor.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the {@code adaptive:} section, and extends the seed sequence it draws from to {@code max_seeds}. */
final class AdaptiveSection {

  private static final String EXAMPLE = "adaptive: {metrics: [reward_auc], until: {ci_halfwidth: 2%}, min_seeds: 5, max_seeds: 60, batch: 5}";

  private final NodeReader r;

  AdaptiveSection(NodeReader r) {
    this.r = r;
  }

  /**
   * The section, or {@code null} after an error.
   *
   * @param seeds the spec's seeds; {@code progression} the {start, step} of a {@code {count, start, step}} form, else null
   * @param extended receives the seed sequence the adaptive rounds draw from (the first max_seeds seeds)
   */
  Adaptive read(SpecNode node, Seeds seeds, long[] progression, Matrix matrix, int replicates, List<Seeds> extended) {
    SpecNode.MapNode m = r.map(node, "adaptive", EXAMPLE);
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "adaptive", List.of("metrics", "until", "min_seeds", "max_seeds", "batch", "alpha"));
    List<String> metrics = metrics(m);
    Adaptive.Until until = until(m, matrix);
    int min = count(m, "min_seeds", 5, 2);
    int max = count(m, "max_seeds", Math.max(min, 30), 2);
    int batch = count(m, "batch", 5, 1);
    double alpha = Adaptive.DEFAULT_ALPHA;
    if (m.has("alpha")) {
      Double a = r.number(m.get("alpha"), "adaptive.alpha", "alpha: 0.05");
      if (a != null && !(a > 0 && a < 1)) {
        r.error(m.get("alpha").position(), "'adaptive.alpha' must be between 0 and 1, not " + a, "write e.g. alpha: 0.05");
      } else if (a != null) {
        alpha = a;
      }
    }
    if (max < min) {
      r.error(m.has("max_seeds") ? m.get("max_seeds").position() : m.position(),
          "'adaptive.max_seeds' (" + max + ") is below min_seeds (" + min + ")", "make max_seeds at least min_seeds");
      return null;
    }
    if (replicates != 1) {
      r.error(m.position(), "adaptive replication adds seeds, so it needs replicates: 1 (the spec has " + replicates + ")",
          "remove 'replicates', or run the replicates as seeds");
    }
    if (!seeds.declared()) {
      r.error(m.position(), "'adaptive' adds seeds, but the spec has no 'seeds'",
          "add e.g. seeds: {start: 1, step: 1} (the sequence adaptive rounds draw from)");
      return null;
    }
    if (progression != null) {
      List<Long> values = new ArrayList<>();
      for (long i = 0; i < Math.max(max, seeds.values().size()); i++) {
        values.add(progression[0] + i * progression[1]);
      }
      extended.add(Seeds.of(values));
    } else if (seeds.values().size() < max) {
      r.error(m.has("max_seeds") ? m.get("max_seeds").position() : m.position(),
          "'adaptive.max_seeds' is " + max + " but 'seeds' lists only " + seeds.values().size(),
          "list at least " + max + " seeds, or write seeds: {start: " + seeds.values().get(0) + ", step: 1} (a sequence as long as needed)");
    } else {
      extended.add(seeds);
    }
    if (metrics.isEmpty() || until == null || !r.errors().isEmpty()) {
      return null;
    }
    return new Adaptive(metrics, until, min, max, batch, alpha);
  }

  private List<String> metrics(SpecNode.MapNode m) {
    List<String> out = new ArrayList<>();
    if (!m.has("metrics")) {
      r.error(m.position(), "'adaptive' has no 'metrics'", "name the metrics whose answer must be clear, e.g. metrics: [reward_auc]");
      return out;
    }
    List<SpecNode> items = r.listOrOne(m.get("metrics"));
    for (SpecNode item : items) {
      String name = r.string(item, "adaptive.metrics[]", "metrics: [reward_auc]");
      if (name != null) {
        out.add(name);
      }
    }
    if (out.isEmpty() && r.errors().isEmpty()) {
      r.error(m.get("metrics").position(), "'adaptive.metrics' is empty", "name at least one metric");
    }
    return out;
  }

  private Adaptive.Until until(SpecNode.MapNode m, Matrix matrix) {
    if (!m.has("until")) {
      r.error(m.position(), "'adaptive' has no 'until'", "write until: {ci_halfwidth: 2%} or until: {decided: {control: \"policy=fifo\"}}");
      return null;
    }
    SpecNode.MapNode u = r.map(m.get("until"), "adaptive.until", "until: {ci_halfwidth: 2%}");
    if (u == null) {
      return null;
    }
    r.checkKeys(u, "adaptive.until", List.of("ci_halfwidth", "decided"));
    if (u.has("ci_halfwidth") == u.has("decided")) {
      r.error(u.position(), "'adaptive.until' needs exactly one of 'ci_halfwidth' and 'decided'",
          "write until: {ci_halfwidth: 2%} or until: {decided: {control: \"policy=fifo\", margin: 1%}}");
      return null;
    }
    if (u.has("ci_halfwidth")) {
      Amount a = amount(u.get("ci_halfwidth"), "adaptive.until.ci_halfwidth", "ci_halfwidth: 2% (relative) or ci_halfwidth: 0.5 (absolute)");
      if (a != null && a.value() <= 0) {
        r.error(u.get("ci_halfwidth").position(), "'ci_halfwidth' must be positive", "write e.g. ci_halfwidth: 2%");
        return null;
      }
      return a == null ? null : new Adaptive.HalfWidth(a.value(), a.relative());
    }
    SpecNode.MapNode d = r.map(u.get("decided"), "adaptive.until.decided", "decided: {control: \"policy=fifo\", margin: 1%}");
    if (d == null) {
      return null;
    }
    r.checkKeys(d, "adaptive.until.decided", List.of("control", "margin"));
    Map<String, String> control = control(d, matrix);
    Amount margin = d.has("margin") ? amount(d.get("margin"), "decided.margin", "margin: 1%") : new Amount(0, false);
    if (margin != null && margin.value() < 0) {
      r.error(d.get("margin").position(), "'margin' must not be negative", "write e.g. margin: 1%");
      return null;
    }
    return control == null || margin == null ? null : new Adaptive.Decided(control, margin.value(), margin.relative());
  }

  private Map<String, String> control(SpecNode.MapNode d, Matrix matrix) {
    if (!d.has("control")) {
      r.error(d.position(), "'decided' has no 'control'", "name the control variation, e.g. control: \"policy=fifo\"");
      return null;
    }
    SpecNode node = d.get("control");
    Map<String, String> control = new LinkedHashMap<>();
    if (node instanceof SpecNode.MapNode cm) {
      cm.fields().forEach((k, f) -> {
        Object v = r.scalar(f.value(), "control." + k);
        if (v != null) {
          control.put(k, Values.text(v));
        }
      });
    } else {
      String text = r.string(node, "decided.control", "control: \"policy=fifo\"");
      if (text == null) {
        return null;
      }
      for (String part : text.trim().split("[\\s,]+")) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
          r.error(node.position(), "'" + part + "' in decided.control is not axis=value", "write e.g. control: \"policy=fifo\"");
          return null;
        }
        control.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    Set<String> axes = new TreeSet<>(matrix.axes().keySet());
    axes.add("ablation");
    for (String key : control.keySet()) {
      if (!axes.contains(key)) {
        r.error(node.position(), "decided.control names unknown axis '" + key + "'", DidYouMean.hint(key, axes));
        return null;
      }
    }
    return control.isEmpty() ? null : control;
  }

  /** {@code 2%} (relative, 0.02) or a plain number (absolute). */
  private record Amount(double value, boolean relative) {}

  private Amount amount(SpecNode node, String what, String example) {
    if (node instanceof SpecNode.ScalarNode s && s.value() instanceof Number n) {
      return new Amount(n.doubleValue(), false);
    }
    String text = r.string(node, what, example);
    if (text == null) {
      return null;
    }
    String t = text.strip();
    try {
      if (t.endsWith("%")) {
        return new Amount(Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100, true);
      }
      return new Amount(Double.parseDouble(t), false);
    } catch (NumberFormatException e) {
      r.error(node.position(), "'" + what + "' is not a number or a percentage: \"" + text + "\"", "write e.g. " + example);
      return null;
    }
  }

  private int count(SpecNode.MapNode m, String key, int fallback, long min) {
    if (!m.has(key)) {
      return fallback;
    }
    Long v = r.integer(m.get(key), "adaptive." + key, min, key + ": " + fallback);
    return v == null ? fallback : (int) Math.min(v, 100_000);
  }
}
