package dev.rigor.analysis;

import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.ConfidenceSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * The intervals {@code compare} shows for an adaptive experiment: per contrast and metric, the
 * anytime-valid confidence sequence of the paired difference (candidate − control over the seeds both
 * ran; {@link ConfidenceSequence#gaussianT}), the same method adaptive replication decided with. α is
 * split over the comparisons (Bonferroni), as adaptive replication does, so "higher"/"lower" stays a
 * family-wise error of at most α however many rounds were looked at. Unpaired contrasts get none:
 * adaptive experiments pair by seed by construction.
 */
public final class AnytimeContrasts {

  /**
   * One row.
   *
   * @param verdict {@code higher}, {@code lower} or {@code undecided} (the interval includes 0); {@code unpaired} when no pairs formed
   */
  public record Row(Contrast contrast, Metric metric, int pairs, ConfidenceInterval interval, String verdict) {}

  private AnytimeContrasts() {}

  /**
   * @param tightestAt the sample size the sequence is tuned at (adaptive replication's min_seeds)
   */
  public static List<Row> of(List<Contrast> contrasts, List<Metric> metrics, double alpha, int tightestAt)
      throws AnalysisException {
    int comparisons = Math.max(1, contrasts.size() * metrics.size());
    ConfidenceSequence cs = ConfidenceSequence.gaussianT(alpha / comparisons, Math.max(1, tightestAt));
    List<Row> rows = new ArrayList<>();
    for (Contrast c : contrasts) {
      Pairing pairing = Pairing.decide(c.control().okRuns(), c.candidate().okRuns(), c.pairingAxes(), PairingMode.AUTO);
      for (Metric m : metrics) {
        if (!pairing.paired()) {
          rows.add(new Row(c, m, 0, ConfidenceInterval.point(0, 1 - alpha / comparisons), "unpaired"));
          continue;
        }
        double[] d = new double[pairing.pairs().size()];
        int n = 0;
        for (Pairing.RunPair p : pairing.pairs()) {
          double a = c.candidate().values().value(p.candidate(), m);
          double b = c.control().values().value(p.control(), m);
          if (!Double.isNaN(a) && !Double.isNaN(b)) {
            d[n++] = a - b;
          }
        }
        ConfidenceInterval ci = cs.interval(java.util.Arrays.copyOf(d, n));
        rows.add(new Row(c, m, n, ci, ci.lower() > 0 ? "higher" : ci.upper() < 0 ? "lower" : "undecided"));
      }
    }
    return rows;
  }
}
