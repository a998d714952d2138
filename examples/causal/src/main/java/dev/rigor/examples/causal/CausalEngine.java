package dev.rigor.examples.causal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small causal simulation: five variables linked by weighted causal rules. Each turn the world
 * ("truth") moves by the rules, by noise drawn from the seed, and by its own mean reversion; the
 * forecast moves by the rules alone, and — unless gravity is off — is pulled back toward the
 * baseline by the gravity correction. Accuracy compares forecast to truth, drift measures how far
 * the forecast strayed from the baseline.
 */
public final class CausalEngine {

  public static final List<String> VARIABLES = List.of("demand", "supply", "price", "sentiment", "inventory");

  /** cause, effect, weight. */
  private static final Object[][] RULES = {
      {"sentiment", "demand", 0.4},
      {"demand", "price", 0.5},
      {"supply", "price", -0.5},
      {"price", "supply", 0.3},
      {"demand", "inventory", -0.6},
      {"supply", "inventory", 0.6},
      {"price", "sentiment", -0.2},
  };
  private static final double RATE = 0.5;
  private static final double GRAVITY = 0.25;
  private static final double MEAN_REVERSION = 0.2;

  private CausalEngine() {}

  /** The baseline state the gravity correction pulls toward. */
  public static Map<String, Double> baseline() {
    Map<String, Double> b = new LinkedHashMap<>();
    for (String v : VARIABLES) {
      b.put(v, v.equals("sentiment") ? 0.0 : 1.0);
    }
    return b;
  }

  /** Runs one scenario and returns its metrics: overall and per-variable accuracy and drift, and the best and worst variable. */
  public static Map<String, Object> run(Scenario scenario, long seed, boolean gravity) {
    Map<String, Double> base = baseline();
    double[] truth = new double[VARIABLES.size()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = scenario.overrides().getOrDefault(VARIABLES.get(i), base.get(VARIABLES.get(i)));
    }
    double[] forecast = truth.clone();
    double[] baseArr = VARIABLES.stream().mapToDouble(base::get).toArray();
    SplitMix64 rng = new SplitMix64(seed);
    double[] accuracy = new double[truth.length];
    double[] drift = new double[truth.length];
    for (int turn = 0; turn < scenario.turns(); turn++) {
      double[] truthStep = step(truth, baseArr);
      double[] forecastStep = step(forecast, baseArr);
      for (int i = 0; i < truth.length; i++) {
        truth[i] += truthStep[i] + scenario.volatility() * rng.nextGaussian() + MEAN_REVERSION * (baseArr[i] - truth[i]);
        forecast[i] += forecastStep[i];
        if (gravity) {
          forecast[i] += GRAVITY * (baseArr[i] - forecast[i]);
        }
        accuracy[i] += 1.0 / (1.0 + Math.abs(forecast[i] - truth[i]));
        drift[i] += Math.abs(forecast[i] - baseArr[i]);
      }
    }
    Map<String, Object> byVariable = new LinkedHashMap<>();
    double accuracySum = 0;
    double driftSum = 0;
    String best = null;
    String worst = null;
    double bestAccuracy = Double.NEGATIVE_INFINITY;
    double worstAccuracy = Double.POSITIVE_INFINITY;
    for (int i = 0; i < truth.length; i++) {
      double a = accuracy[i] / scenario.turns();
      double d = drift[i] / scenario.turns();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("accuracy", a);
      m.put("drift", d);
      byVariable.put(VARIABLES.get(i), m);
      accuracySum += a;
      driftSum += d;
      if (a > bestAccuracy) {
        bestAccuracy = a;
        best = VARIABLES.get(i);
      }
      if (a < worstAccuracy) {
        worstAccuracy = a;
        worst = VARIABLES.get(i);
      }
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", accuracySum / truth.length);
    metrics.put("drift", driftSum / truth.length);
    metrics.put("by_variable", byVariable);
    metrics.put("best_variable", best);
    metrics.put("worst_variable", worst);
    return metrics;
  }

  /** The change every causal rule makes to each variable, from the current deviations from the baseline. */
  private static double[] step(double[] state, double[] base) {
    double[] delta = new double[state.length];
    for (Object[] rule : RULES) {
      int cause = VARIABLES.indexOf((String) rule[0]);
      int effect = VARIABLES.indexOf((String) rule[1]);
      delta[effect] += RATE * (double) rule[2] * (state[cause] - base[cause]);
    }
    return delta;
  }

  /** SplitMix64 with Box-Muller normals: a tiny, portable generator (the Python engine uses the same one). */
  static final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
      this.state = seed;
    }

    long nextLong() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** Uniform in (0, 1]. */
    double nextDouble() {
      return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    double nextGaussian() {
      double u1 = nextDouble();
      double u2 = nextDouble();
      return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
  }
}
