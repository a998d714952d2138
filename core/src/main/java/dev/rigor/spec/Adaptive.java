package dev.rigor.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional {@code adaptive:} section (DESIGN.md §13): run rounds of seeds, adding seeds only to
 * the variations whose answer is not yet clear.
 *
 * @param metrics the metrics whose answer must be clear (scalars of every run)
 * @param until when a variation's answer is clear
 * @param minSeeds seeds every variation runs in the first round
 * @param maxSeeds the most seeds any variation runs
 * @param batch seeds added per round to a variation that is not yet clear
 * @param alpha the error allowed over all looks, per interval (default 0.05)
 */
public record Adaptive(List<String> metrics, Until until, int minSeeds, int maxSeeds, int batch, double alpha) {

  public static final double DEFAULT_ALPHA = 0.05;

  public Adaptive {
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty() || until == null) {
      throw new IllegalArgumentException("adaptive needs metrics and until");
    }
    if (minSeeds < 2 || maxSeeds < minSeeds || batch < 1) {
      throw new IllegalArgumentException("need 2 <= min_seeds <= max_seeds and batch >= 1");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha in (0, 1)");
    }
  }

  /** When a variation's answer is clear. */
  public sealed interface Until {}

  /**
   * Each metric's mean is known to ±{@code value} (anytime-valid), relative to |mean| when {@code relative}.
   *
   * @param value the half-width: a fraction of |mean| (0.02 for {@code 2%}) when relative, else in the metric's unit
   */
  public record HalfWidth(double value, boolean relative) implements Until {
    public HalfWidth {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("ci_halfwidth must be positive");
      }
    }
  }

  /**
   * Every comparison with the control (paired by seed) is decided: better, worse, or equivalent within
   * ±margin (relative to |control mean| when {@code relative}; margin 0 never calls two variations equivalent).
   *
   * @param control the control variation by axis value ({@code ablation} names an ablation)
   */
  public record Decided(Map<String, String> control, double margin, boolean relative) implements Until {
    public Decided {
      control = Collections.unmodifiableMap(new LinkedHashMap<>(control));
      if (control.isEmpty() || !(margin >= 0) || Double.isInfinite(margin)) {
        throw new IllegalArgumentException("decided needs a control and a margin >= 0");
      }
    }
  }
}
