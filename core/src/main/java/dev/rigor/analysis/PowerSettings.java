package dev.rigor.analysis;

import java.util.Objects;

/**
 * What {@code rigor power} plans for.
 *
 * @param alpha two-sided significance level
 * @param power the probability of detecting the effect, e.g. 0.8
 */
public record PowerSettings(EffectSize effect, double alpha, double power) {

  public PowerSettings {
    Objects.requireNonNull(effect, "effect");
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("--alpha must be in (0, 1), e.g. 0.05; got " + alpha);
    }
    if (!(power > alpha / 2 && power < 1)) {
      throw new IllegalArgumentException("--power must be in (alpha/2, 1), e.g. 0.8; got " + power);
    }
  }
}
