package dev.rigor.cli;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.report.ReportDefaults;
import dev.rigor.report.ReportFormat;
import dev.rigor.report.ReportOptions;
import dev.rigor.report.ReportOutput;
import dev.rigor.report.Reports;
import dev.rigor.store.ExperimentDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a report of an experiment: EXP/report/index.html (one self-contained page: works offline, from file://),",
      "report.md (GitHub-flavoured tables) and assets/*.png|svg (the charts as images).",
      "It shows the provenance and counts, every metric by variation with CI error bars and the runs as dots,",
      "each variation against the control (report.control) and each ablation against the baseline as ratios with",
      "bootstrap CIs and verdicts, learning curves of series metrics, a sortable, filterable table of every run with",
      "links to its files, and the failures with the end of their stderr. Settings come from the spec's report:",
      "section (facet, control, metrics) unless given here."
    },
    footer = {
      "",
      "Examples:",
      "  rigor report runs/sched-experiment                      # writes runs/sched-experiment/report/",
      "  rigor report runs/sched-experiment --format md >> \"$GITHUB_STEP_SUMMARY\"   # Markdown to stdout",
      "  rigor report runs/sched-experiment --out /tmp/r --format html,png",
      "  rigor report runs/sched-experiment --facet none --control policy=full --metric makespan_p95_ms,cost_mean",
      "  rigor report runs/sched-experiment --variance makespan_p95_ms   # add variance-vs-n curves",
      "  rigor report --exp_dir runs/sched-smoke --out_dir /tmp/smoke     # seed-004 spellings work too",
      "",
      "Defaults: --format html,md,png; --out EXP/report; --resamples " + ReportDefaults.RESAMPLES + " (at least "
          + ReportDefaults.MIN_RESAMPLES + " for very large experiments); --seed " + ReportDefaults.SEED
          + "; the facet, control and metrics of the spec's report: section (else: facet = the first of several matrix"
          + " axes, no control, the spec's goals or the first " + ReportDefaults.MAX_DEFAULT_METRICS + " metrics).",
      "Exit codes: 0 written · 1 I/O failure · 2 usage error (unknown metric, axis, value…)"
    })
final class ReportCommand implements Callable<Integer> {

  private final Context context;

  @Mixin ExperimentOptions experiment = new ExperimentOptions();

  @Option(names = {"--out", "--out-dir", "--out_dir"}, paramLabel = "DIR", description = "Where to write the report (default: EXP/report).")
  Path out;

  @Option(names = "--format", paramLabel = "FORMATS", description = "Comma-separated: html, md, png, svg (default: html,md,png). md alone, without --out,"
      + " prints the Markdown to stdout.")
  String format;

  @Option(names = "--facet", paramLabel = "AXIS", description = "Draw a panel per value of this axis (none for one panel); default: the spec's report.facet.")
  String facet;

  @Option(names = "--control", paramLabel = "SELECTOR", description = "Compare every variation with this one, e.g. policy=fifo; default: the spec's report.control.")
  String control;

  @Option(names = {"-m", "--metric"}, split = ",", paramLabel = "METRIC",
      description = "Metrics to chart and compare (default: the spec's report.metrics, else its goals, else the first "
          + ReportDefaults.MAX_DEFAULT_METRICS + "); the runs table always has every metric.")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--variance", split = ",", paramLabel = "METRIC", description = "Add variance-vs-n curves for these metrics.")
  List<String> variance = new ArrayList<>();

  @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples of the ratio CIs (default: " + ReportDefaults.RESAMPLES
      + ", fewer — down to " + ReportDefaults.MIN_RESAMPLES + " — when an experiment is so large that they would take long).")
  Integer resamples;

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the bootstrap (default: " + ReportDefaults.SEED + ").")
  long seed = ReportDefaults.SEED;

  @Option(names = {"--runs_csv", "--runs-csv"}, hidden = true, paramLabel = "CSV")
  Path runsCsv;

  ReportCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    ExperimentDirectory dir = experiment.directory(context);
    ReportOptions options = options();
    if (runsCsv != null) {
      context.err().println("note: --runs_csv is not needed: rigor report reads the run records themselves");
    }
    try {
      if (out == null && options.formats().equals(EnumSet.of(ReportFormat.MD))) {
        context.out().print(Reports.markdown(dir, options));
        return Rigor.OK;
      }
      Path target = out == null ? Reports.defaultDirectory(dir) : context.resolve(out);
      ReportOutput written = Reports.write(dir, target, options, Version.VERSION);
      print(written);
      return Rigor.OK;
    } catch (AnalysisException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The end of {@code rigor run}: writes the experiment's report with the spec's settings and prints
   * its path. A report that cannot be written is a warning; it never changes the sweep's exit code.
   */
  static void afterRun(Context context, Path experimentDir) {
    ExperimentDirectory dir = new ExperimentDirectory(experimentDir);
    try {
      ReportOutput written = Reports.write(dir, Reports.defaultDirectory(dir), ReportOptions.defaults(), Version.VERSION);
      written.html().ifPresent(h -> context.out().println("report: " + context.shown(h)));
    } catch (AnalysisException | java.io.IOException | RuntimeException e) {
      context.err().println("rigor: warning: the report could not be written: " + e.getMessage()
          + " (retry with: rigor report " + context.shown(experimentDir) + ")");
    }
  }

  private ReportOptions options() throws UsageException {
    try {
      Set<ReportFormat> formats = format == null ? ReportDefaults.FORMATS : ReportFormat.parseList(format);
      return new ReportOptions(formats, Optional.ofNullable(facet), Optional.ofNullable(control), metrics, variance,
          resamples == null ? OptionalInt.empty() : OptionalInt.of(resamples), seed, Instant.now(), experiment.allDefinitions);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private void print(ReportOutput written) {
    if (written.html().isPresent()) {
      context.out().println("report: " + context.shown(written.html().get()));
    }
    for (Path p : written.files()) {
      if (written.html().map(h -> !h.equals(p)).orElse(true) && !p.getFileName().toString().matches(".*\\.(png|svg)$")) {
        context.out().println("wrote: " + context.shown(p));
      }
    }
    long images = written.files().stream().filter(p -> p.getFileName().toString().matches(".*\\.(png|svg)$")).count();
    if (images > 0) {
      context.out().println("wrote: " + images + " images in " + context.shown(written.directory().resolve("assets")));
    }
  }
}
