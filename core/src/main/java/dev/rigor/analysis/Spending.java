package dev.rigor.analysis;

import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.WilsonScoreInterval;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentFile;
import dev.rigor.store.Ledger;
import dev.rigor.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an experiment with a budget spent, per variation (seed 002's "cost efficiency"): the spend of
 * every attempt of its trials (retries and failed runs cost too), its success rate ok / finished with
 * the Wilson score interval, and the cost per successful run — spend divided by ok runs.
 *
 * @param limit the budget's limit as last run, or {@code null} when unknown
 * @param total what every attempt of every trial spent (the ledger's total)
 */
public record Spending(String metric, Double limit, Double perRunLimit, double total, List<Row> rows) {

  /**
   * One variation.
   *
   * @param spend every attempt of the variation's trials
   * @param costPerSuccess spend / ok runs ({@code NaN} without an ok run)
   */
  public record Row(GroupKey key, int trials, int ok, int finished, Optional<ConfidenceInterval> successRate, double spend,
      double costPerSuccess) {}

  public Spending {
    rows = List.copyOf(rows);
  }

  /** The experiment's spending; empty when it has no budget (nothing recorded a spend). */
  public static Optional<Spending> of(Experiment e, ExperimentDirectory dir, double confidence) throws IOException {
    if (!Files.exists(dir.ledger()) || !ExperimentFile.exists(dir)
        || !(ExperimentFile.read(dir).spec().get("budget") instanceof Map<?, ?> budget)) {
      return Optional.empty();
    }
    Map<String, Double> byTrial = Ledger.readSpendByTrial(dir.ledger());
    List<Row> rows = new ArrayList<>();
    for (Group g : Grouping.byVariation(e).apply(e, e.runs())) {
      double spend = 0;
      for (RunRecord r : g.runs()) {
        spend += byTrial.getOrDefault(r.meta().trialKey(), 0.0);
      }
      int ok = g.okRuns().size();
      int finished = g.finishedRuns().size();
      Optional<ConfidenceInterval> rate = finished == 0 ? Optional.empty() : Optional.of(WilsonScoreInterval.of(ok, finished, confidence));
      rows.add(new Row(g.key(), g.runs().size(), ok, finished, rate, spend, ok == 0 ? Double.NaN : spend / ok));
    }
    return Optional.of(new Spending(String.valueOf(budget.get("metric")), number(budget.get("limit")), number(budget.get("per_run_limit")),
        Ledger.readSpend(dir.ledger()).total(), rows));
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }
}
