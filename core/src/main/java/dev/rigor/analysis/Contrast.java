package dev.rigor.analysis;

import java.util.List;

/**
 * One candidate against the control, within one group ({@link GroupKey#ALL} without {@code --by}).
 *
 * @param pairingAxes the variation attributes paired runs must agree on, besides seed and replicate
 */
public record Contrast(GroupKey group, Side control, Side candidate, List<String> pairingAxes) {

  public Contrast {
    pairingAxes = List.copyOf(pairingAxes);
  }
}
