package dev.rigor.spec;

import java.util.List;

/**
 * The seeds every variation runs with (shared, so that comparisons can be paired by seed).
 * {@code declared} is false when the spec has no {@code seeds:}; trials then have no seed.
 */
public record Seeds(List<Long> values, boolean declared) {

  public static final Seeds NONE = new Seeds(List.of(), false);

  public Seeds {
    values = List.copyOf(values);
    if (declared && values.isEmpty()) {
      throw new IllegalArgumentException("declared seeds must not be empty");
    }
  }

  public static Seeds of(List<Long> values) {
    return new Seeds(values, true);
  }

  /** The number of seed values a variation runs with (1 when no seeds are declared). */
  public int count() {
    return declared ? values.size() : 1;
  }
}
