package dev.rigor.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts the key names of Scenario Lab's batch configs (seed 002) as spellings of Rigor's:
 * {@code experiment_name → name} (made file-name safe; the original text becomes the description
 * when there is none), {@code runs_per_variation → replicates}, {@code max_parallel → jobs},
 * {@code timeout_per_run → timeout} (seconds), {@code output_dir → out_root},
 * {@code budget_limit → budget.limit}, {@code cost_per_run_limit → budget.per_run_limit}, and
 * {@code variations: [{type: actor_model, actor: A, values: [...]}]} → the matrix axis {@code A_model}.
 * Like {@link Seed004Format}, the tree is rewritten before validation and keeps its positions, so
 * errors point into the file as written. A spelling whose Rigor key is also present is left alone
 * (and reported as an unknown key), so nothing is silently overridden.
 */
public final class ScenarioLabKeys {

  private static final Map<String, String> RENAMED = Map.of(
      "runs_per_variation", "replicates",
      "max_parallel", "jobs",
      "timeout_per_run", "timeout",
      "output_dir", "out_root");

  private ScenarioLabKeys() {}

  /** Rewrites Scenario Lab spellings in {@code root}; any other tree is returned as it is. */
  public static SpecNode rewrite(SpecNode root) {
    if (!(root instanceof SpecNode.MapNode top) || top.fields().keySet().stream().noneMatch(ScenarioLabKeys::isSpelling)) {
      return root;
    }
    Map<String, SpecNode.Field> out = new LinkedHashMap<>(top.fields());
    RENAMED.forEach((from, to) -> rename(out, from, to));
    SpecNode.Field name = out.get("experiment_name");
    if (name != null && !out.containsKey("name")) {
      out.remove("experiment_name");
      out.put("name", new SpecNode.Field("name", name.keyPosition(), slug(name.value())));
      if (!out.containsKey("description") && name.value() instanceof SpecNode.ScalarNode s && s.value() instanceof String) {
        out.put("description", new SpecNode.Field("description", name.keyPosition(), s));
      }
    }
    budget(out);
    variations(out);
    return new SpecNode.MapNode(top.position(), out);
  }

  private static boolean isSpelling(String key) {
    return RENAMED.containsKey(key) || key.equals("experiment_name") || key.equals("budget_limit")
        || key.equals("cost_per_run_limit") || key.equals("variations");
  }

  private static void rename(Map<String, SpecNode.Field> out, String from, String to) {
    SpecNode.Field f = out.get(from);
    if (f != null && !out.containsKey(to)) {
      out.remove(from);
      out.put(to, new SpecNode.Field(to, f.keyPosition(), f.value()));
    }
  }

  /** A name such as "Model Comparison Study" as an experiment name: {@code Model-Comparison-Study}. */
  private static SpecNode slug(SpecNode value) {
    if (value instanceof SpecNode.ScalarNode s && s.value() instanceof String text) {
      String slug = text.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+|-+$", "");
      return new SpecNode.ScalarNode(s.position(), slug.isEmpty() ? text : slug);
    }
    return value;
  }

  private static void budget(Map<String, SpecNode.Field> out) {
    SpecNode.Field limit = out.get("budget_limit");
    SpecNode.Field perRun = out.get("cost_per_run_limit");
    if (limit == null && perRun == null) {
      return;
    }
    SpecNode.Field existing = out.get("budget");
    Map<String, SpecNode.Field> budget = new LinkedHashMap<>();
    SpecNode.Field anchor = limit != null ? limit : perRun;
    if (existing != null) {
      if (!(existing.value() instanceof SpecNode.MapNode m)) {
        return; // 'budget' itself is wrong: reported as such, and the spellings as unknown keys
      }
      budget.putAll(m.fields());
    }
    if (limit != null && !budget.containsKey("limit")) {
      out.remove("budget_limit");
      budget.put("limit", new SpecNode.Field("limit", limit.keyPosition(), limit.value()));
    }
    if (perRun != null && !budget.containsKey("per_run_limit")) {
      out.remove("cost_per_run_limit");
      budget.put("per_run_limit", new SpecNode.Field("per_run_limit", perRun.keyPosition(), perRun.value()));
    }
    SpecNode.MapNode map = new SpecNode.MapNode(existing != null ? existing.value().position() : anchor.keyPosition(), budget);
    out.put("budget", new SpecNode.Field("budget", existing != null ? existing.keyPosition() : anchor.keyPosition(), map));
  }

  /** {@code variations} of type {@code actor_model} as matrix axes; anything else is left for the reader to reject. */
  private static void variations(Map<String, SpecNode.Field> out) {
    SpecNode.Field variations = out.get("variations");
    if (variations == null || !(variations.value() instanceof SpecNode.ListNode list)) {
      return;
    }
    Map<String, SpecNode.Field> axes = new LinkedHashMap<>();
    SpecNode.Field m = out.get("matrix");
    if (m != null) {
      if (!(m.value() instanceof SpecNode.MapNode existing)) {
        return;
      }
      axes.putAll(existing.fields());
    }
    List<SpecNode.Field> converted = new ArrayList<>();
    for (SpecNode item : list.items()) {
      if (!(item instanceof SpecNode.MapNode v) || !(v.get("type") instanceof SpecNode.ScalarNode type)
          || !"actor_model".equals(type.value()) || !(v.get("actor") instanceof SpecNode.ScalarNode actor)
          || !(actor.value() instanceof String actorName) || !v.has("values") || v.fields().size() != 3) {
        return; // not a form we know: 'variations' stays and is reported as an unknown key
      }
      String axis = actorName.replaceAll("[^A-Za-z0-9_]+", "_") + "_model";
      converted.add(new SpecNode.Field(axis, v.position(), v.get("values")));
    }
    out.remove("variations");
    for (SpecNode.Field f : converted) {
      axes.putIfAbsent(f.key(), f);
    }
    SpecNode.Field matrix = out.get("matrix");
    out.put("matrix", new SpecNode.Field("matrix", matrix != null ? matrix.keyPosition() : variations.keyPosition(),
        new SpecNode.MapNode(matrix != null ? matrix.value().position() : variations.value().position(), axes)));
  }
}
