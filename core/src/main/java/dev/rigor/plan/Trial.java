package dev.rigor.plan;

/**
 * One variation × seed × replicate: the unit that is planned, run and resumed.
 *
 * @param index position in launch order
 * @param seed the seed, or {@code null} when the spec declares no seeds
 * @param replicate 1-based replicate number
 * @param trialKey 12 hex chars of SHA-256 over the trial's definition (DESIGN.md §4)
 * @param runId readable slug + {@code __} + trial key; the run directory's name
 */
public record Trial(int index, Variation variation, Long seed, int replicate, String trialKey, String runId) {

  public Trial {
    if (replicate < 1) {
      throw new IllegalArgumentException("replicates are numbered from 1");
    }
    if (trialKey.length() != TrialKeys.LENGTH) {
      throw new IllegalArgumentException("bad trial key " + trialKey);
    }
  }
}
