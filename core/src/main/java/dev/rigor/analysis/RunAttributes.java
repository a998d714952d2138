package dev.rigor.analysis;

import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;

/**
 * The named attributes of a run that selectors, groupings and pairings read: any parameter (matrix
 * axes included), {@code ablation} (its name), {@code seed} and {@code replicate}.
 */
final class RunAttributes {

  static final String ABLATION = "ablation";
  static final String SEED = "seed";
  static final String REPLICATE = "replicate";

  private RunAttributes() {}

  /** The attribute's text, or {@code null} when the run has no such attribute. */
  static String value(RunRecord run, String key) {
    RunMeta m = run.meta();
    return switch (key) {
      case ABLATION -> m.ablationName() == null ? "" : m.ablationName();
      case SEED -> m.seed() == null ? null : Long.toString(m.seed());
      case REPLICATE -> Integer.toString(m.replicate());
      default -> m.params().containsKey(key) ? ValueText.of(m.params().get(key)) : null;
    };
  }

  /** {@code ablation_name} (the meta.json spelling) is the same key as {@code ablation}. */
  static String canonicalKey(String key) {
    String k = key.strip();
    return k.equals("ablation_name") ? ABLATION : k;
  }
}
