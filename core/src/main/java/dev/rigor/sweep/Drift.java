package dev.rigor.sweep;

import dev.rigor.spec.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in the definition of the trials (command, params, ablations, env, metrics, success…)
 * between the experiment on disk and the spec being resumed, as readable lines
 * ({@code params.pdfs: 10 → 20}).
 */
public final class Drift {

  private Drift() {}

  public static List<String> between(Map<String, Object> before, Map<String, Object> after) {
    List<String> changes = new ArrayList<>();
    diff("", before, after, changes);
    return changes;
  }

  @SuppressWarnings("unchecked")
  private static void diff(String path, Object before, Object after, List<String> out) {
    if (same(before, after)) {
      return;
    }
    if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
      Set<String> keys = new LinkedHashSet<>();
      ((Map<String, Object>) b).keySet().forEach(keys::add);
      ((Map<String, Object>) a).keySet().forEach(keys::add);
      for (String k : keys) {
        diff(path.isEmpty() ? k : path + "." + k, b.get(k), a.get(k), out);
      }
      return;
    }
    out.add((path.isEmpty() ? "(spec)" : path) + ": " + show(before) + " → " + show(after));
  }

  private static boolean same(Object a, Object b) {
    return CanonicalJson.text(a).equals(CanonicalJson.text(b));
  }

  private static String show(Object v) {
    if (v == null) {
      return "(none)";
    }
    String text = CanonicalJson.text(v);
    return text.length() > 120 ? text.substring(0, 117) + "..." : text;
  }
}
