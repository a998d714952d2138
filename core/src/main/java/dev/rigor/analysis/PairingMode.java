package dev.rigor.analysis;

import java.util.Locale;

/** {@code --paired-by}: how a comparison decides between a paired and an unpaired design. */
public enum PairingMode {
  /** Paired when both sides have exactly the same seeds (and other matching attributes); else unpaired, with a note. */
  AUTO,
  /** Paired, required: runs without a partner are left out (listed); an error when fewer than 2 pairs remain. */
  SEED,
  /** Unpaired even when seeds are shared. */
  NONE;

  public static PairingMode parse(String text) throws AnalysisException {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AnalysisException("--paired-by '" + text + "': expected auto, seed or none");
    }
  }
}
