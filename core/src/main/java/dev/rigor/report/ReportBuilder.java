package dev.rigor.report;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.ExperimentReader;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.Spending;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Computes a report's data from an experiment directory: reads it through {@link ExperimentReader},
 * resolves the settings ({@link ReportSetup}) and asks the analysis for every statistic.
 */
public final class ReportBuilder {

  private ReportBuilder() {}

  /**
   * @throws AnalysisException when the experiment has no runs, or an option names an unknown metric,
   *     axis or value (the message says what exists)
   */
  public static ReportData build(ExperimentDirectory dir, ReportOptions options) throws AnalysisException, IOException {
    Experiment e = ExperimentReader.read(dir.root(), options.allDefinitions());
    ExperimentInfo info = ExperimentInfo.read(dir);
    RunValues values = new RunValues(e);
    ReportSetup setup = ReportSetup.resolve(e, values, info, options);
    List<String> notes = new ArrayList<>(e.notes());
    notes.addAll(values.unknownMetricWarnings());
    notes.addAll(setup.notes());
    java.util.Optional<dev.rigor.store.AdaptiveFile> adaptive = dev.rigor.store.AdaptiveFile.read(dir);
    adaptive.ifPresent(a -> notes.add(AdaptiveSection.NOTE));
    List<RunRecord> failed = Failures.of(e);
    // The sections are independent: computed at once, so that the sequential parts of one (the runs
    // table, the charts' summaries) overlap the parallel resampling of another. They run as tasks of
    // their own fork-join pool, so the parallel streams inside them (the comparisons) split into that
    // pool and a section waiting for its pieces steals work or blocks; from a plain thread it would
    // poll the common pool instead (~5% of a 100,000-run report's CPU went to that polling).
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      CompletableFuture<List<MetricChart>> charts = async(pool, () -> MetricCharts.of(e, values, setup));
      CompletableFuture<EffectSection> control = async(pool, () -> control(e, values, setup, options));
      CompletableFuture<EffectSection> ablations = async(pool, () -> ablations(e, values, setup));
      CompletableFuture<List<LearningCurve>> curves = async(pool, () -> LearningCurves.of(e, values, setup));
      CompletableFuture<List<VariancePanel>> variance = async(pool, () -> VarianceSection.of(values, setup));
      CompletableFuture<List<FailedRun>> failures =
          async(pool, () -> Failures.withTails(dir, failed, ReportDefaults.MAX_FAILURES, ReportDefaults.STDERR_LINES));
      CompletableFuture<SessionSection> sessions = async(pool, () -> SessionSection.of(e, dir));
      CompletableFuture<Optional<Spending>> spending = async(pool, () -> Spending.of(e, dir, ReportDefaults.CONFIDENCE));
      RunsTable runs = RunsTables.of(e, values, setup.metrics());
      return new ReportData(HeaderReader.of(e, info, options.generatedAt(), notes), join(charts), join(control), join(ablations),
          join(curves), join(variance), failed.size(), join(failures), runs, adaptive, join(sessions), join(spending));
    } finally {
      pool.shutdown();
    }
  }

  /** A section's computation, which may fail as the analysis does. */
  @FunctionalInterface
  private interface Part<T> {
    T compute() throws AnalysisException, IOException;
  }

  private static <T> CompletableFuture<T> async(ForkJoinPool pool, Part<T> part) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return part.compute();
      } catch (AnalysisException | IOException ex) {
        throw new CompletionException(ex);
      }
    }, pool);
  }

  private static <T> T join(CompletableFuture<T> part) throws AnalysisException, IOException {
    try {
      return part.join();
    } catch (CompletionException ex) {
      if (ex.getCause() instanceof AnalysisException a) {
        throw a;
      }
      if (ex.getCause() instanceof IOException io) {
        throw io;
      }
      if (ex.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw ex;
    }
  }

  /**
   * The comparisons with the control. A control given on the command line that matches nothing is the
   * user's error; one from the spec only costs its section (with the reason), not the whole report.
   */
  private static EffectSection control(Experiment e, RunValues values, ReportSetup setup, ReportOptions options)
      throws AnalysisException {
    try {
      return EffectSections.control(e, values, setup);
    } catch (AnalysisException ex) {
      if (options.control().isPresent()) {
        throw ex;
      }
      String control = setup.control().map(c -> c.text()).orElse("");
      return new EffectSection(control, "", List.of(), 0, 1 - ReportDefaults.ALPHA,
          List.of("no comparison with report.control: " + ex.getMessage()));
    }
  }

  private static EffectSection ablations(Experiment e, RunValues values, ReportSetup setup) {
    try {
      return EffectSections.ablations(e, values, setup);
    } catch (AnalysisException ex) {
      return new EffectSection("", "", List.of(), 0, 1 - ReportDefaults.ALPHA, List.of("no comparison of the ablations: " + ex.getMessage()));
    }
  }
}
