package dev.rigor.plan;

import dev.rigor.spec.Ablation;
import dev.rigor.spec.Matrix;
import dev.rigor.spec.Spec;
import dev.rigor.spec.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Expands a spec into ordered trials (DESIGN.md §4). Pure: no I/O, no clock; the same spec always
 * gives the same plan.
 */
public final class Planner {

  private Planner() {}

  public static Plan plan(Spec spec) {
    List<Variation> variations = variations(spec);
    List<Long> seeds = spec.seeds().declared() ? spec.seeds().values() : Collections.singletonList(null);
    int replicates = spec.replicates();
    int perVariation = Math.multiplyExact(seeds.size(), replicates);
    int total = Math.multiplyExact(variations.size(), perVariation);
    long[][] keys = new long[variations.size()][];
    for (Variation v : variations) {
      TrialKeys digest = new TrialKeys(v.params(), v.ablation());
      long[] k = new long[perVariation];
      for (int s = 0; s < seeds.size(); s++) {
        for (int r = 1; r <= replicates; r++) {
          k[s * replicates + r - 1] = digest.keyBits(seeds.get(s), r);
        }
      }
      keys[v.index()] = k;
    }
    int[] order = order(spec, variations.size(), perVariation);
    List<Trial> trials = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      int cell = order[i];
      int v = cell / perVariation;
      int within = cell % perVariation;
      trials.add(new Trial(i, variations.get(v), seeds.get(within / replicates), within % replicates + 1, keys[v][within]));
    }
    return new Plan(spec, variations, trials);
  }

  /** Matrix combinations (after exclude and include) × ablations, in grid order. */
  public static List<Variation> variations(Spec spec) {
    List<Map<String, Object>> combos = combinations(spec.matrix());
    List<Variation> variations = new ArrayList<>(combos.size() * spec.ablations().size());
    boolean replicated = spec.replicates() > 1;
    for (Map<String, Object> combo : combos) {
      Map<String, Object> axes = new LinkedHashMap<>();
      Map<String, Object> params = new LinkedHashMap<>(spec.params());
      for (Map.Entry<String, Object> e : combo.entrySet()) {
        if (spec.matrix().axes().containsKey(e.getKey())) {
          axes.put(e.getKey(), e.getValue());
        }
      }
      params.putAll(combo);
      String slug = RunIds.axesSlug(axes);
      for (Ablation ablation : spec.ablations()) {
        Map<String, Object> withAblation = new LinkedHashMap<>(params);
        withAblation.putAll(ablation.params());
        variations.add(new Variation(variations.size(), axes, ablation, withAblation, slug, replicated));
      }
    }
    return variations;
  }

  /**
   * The cartesian product of the axes in spec order, minus {@code exclude} (every given key
   * matches), plus {@code include}: an entry adds its non-axis keys to each combination whose axis
   * values it matches, or becomes a new combination when it matches none (GitHub Actions rules).
   */
  static List<Map<String, Object>> combinations(Matrix matrix) {
    List<Map<String, Object>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<Object>> axis : matrix.axes().entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>(combos.size() * axis.getValue().size());
      for (Map<String, Object> combo : combos) {
        for (Object value : axis.getValue()) {
          Map<String, Object> c = new LinkedHashMap<>(combo);
          c.put(axis.getKey(), value);
          next.add(c);
        }
      }
      combos = next;
    }
    combos.removeIf(c -> matrix.exclude().stream().anyMatch(ex -> matches(c, ex)));
    int original = combos.size();
    for (Map<String, Object> entry : matrix.include()) {
      boolean added = false;
      for (int i = 0; i < original; i++) {
        Map<String, Object> c = combos.get(i);
        if (axisValuesMatch(c, entry, matrix)) {
          c.putAll(entry);
          added = true;
        }
      }
      if (!added) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String axis : matrix.axes().keySet()) {
          if (entry.containsKey(axis)) {
            extra.put(axis, entry.get(axis));
          }
        }
        extra.putAll(entry);
        combos.add(extra);
      }
    }
    return combos;
  }

  private static boolean matches(Map<String, Object> combo, Map<String, Object> pattern) {
    return pattern.entrySet().stream().allMatch(e -> Values.same(combo.get(e.getKey()), e.getValue()));
  }

  private static boolean axisValuesMatch(Map<String, Object> combo, Map<String, Object> entry, Matrix matrix) {
    return entry.entrySet().stream()
        .filter(e -> matrix.axes().containsKey(e.getKey()))
        .allMatch(e -> Values.same(combo.get(e.getKey()), e.getValue()));
  }

  /**
   * The launch order as positions in the grid (variation-major: variation × seed × replicate).
   * Interleaved takes every variation's k-th trial before any variation's (k+1)-th.
   */
  private static int[] order(Spec spec, int variations, int perVariation) {
    int total = variations * perVariation;
    int[] order = new int[total];
    switch (spec.order()) {
      case INTERLEAVED -> {
        int i = 0;
        for (int k = 0; k < perVariation; k++) {
          for (int v = 0; v < variations; v++) {
            order[i++] = v * perVariation + k;
          }
        }
      }
      case RANDOM -> {
        List<Integer> shuffled = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
          shuffled.add(i);
        }
        Collections.shuffle(shuffled, new Random(spec.orderSeed()));
        for (int i = 0; i < total; i++) {
          order[i] = shuffled.get(i);
        }
      }
      default -> {
        for (int i = 0; i < total; i++) {
          order[i] = i;
        }
      }
    }
    return order;
  }
}
