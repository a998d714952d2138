package dev.rigor.plan;

import java.util.HexFormat;

/**
 * One variation × seed × replicate: the unit that is planned, run and resumed. Compact (a million
 * of them fit in a few tens of MB): the trial key is kept as its 48 bits and the run id is composed
 * on demand.
 *
 * @param index position in launch order
 * @param seed the seed, or {@code null} when the spec declares no seeds
 * @param replicate 1-based replicate number
 * @param keyBits the 48 bits of the trial key (DESIGN.md §4)
 */
public record Trial(int index, Variation variation, Long seed, int replicate, long keyBits) {

  private static final HexFormat HEX = HexFormat.of();

  public Trial {
    if (replicate < 1) {
      throw new IllegalArgumentException("replicates are numbered from 1");
    }
    if ((keyBits >>> 48) != 0) {
      throw new IllegalArgumentException("a trial key has 48 bits");
    }
  }

  /** 12 hex chars of SHA-256 over the trial's definition (DESIGN.md §4). */
  public String trialKey() {
    return HEX.toHexDigits(keyBits).substring(16 - TrialKeys.LENGTH);
  }

  /** Readable slug + {@code __} + trial key; the run directory's name. */
  public String runId() {
    return RunIds.runId(variation.slug(), seed, variation.ablation().name(), replicate, variation.replicated(), trialKey());
  }
}
