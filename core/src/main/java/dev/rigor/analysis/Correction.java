package dev.rigor.analysis;

import dev.rigor.stats.PValueAdjustment;
import java.util.Locale;
import java.util.Optional;

/** {@code --correction}: how compare adjusts p-values for the number of comparisons it makes. */
public enum Correction {
  /** Holm (1979): controls the family-wise error rate; the default. */
  HOLM,
  /** Benjamini &amp; Hochberg (1995): controls the false discovery rate. */
  BH,
  NONE;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  Optional<PValueAdjustment> adjustment() {
    return switch (this) {
      case HOLM -> Optional.of(PValueAdjustment.HOLM);
      case BH -> Optional.of(PValueAdjustment.BENJAMINI_HOCHBERG);
      case NONE -> Optional.empty();
    };
  }

  public static Correction parse(String s) throws AnalysisException {
    String t = s.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "holm" -> HOLM;
      case "bh", "fdr", "benjamini-hochberg" -> BH;
      case "none" -> NONE;
      default -> throw new AnalysisException("--correction '" + s + "': expected holm, bh or none");
    };
  }
}
