package dev.rigor.examples.causal;

import java.util.Map;

/** One benchmark scenario: how many turns to simulate, how noisy the world is, and the starting state's overrides. */
public record Scenario(String name, int turns, double volatility, Map<String, Double> overrides) {

  public Scenario {
    overrides = Map.copyOf(overrides);
    if (turns < 1) {
      throw new IllegalArgumentException("scenario " + name + ": turns must be at least 1");
    }
  }
}
