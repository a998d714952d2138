package dev.rigor.store;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aggregate/runs.csv} (DESIGN.md §5): one row per trial (its latest run) with the columns
 * {@code run_id, trial_key, status, exit_code, attempt, <params…>, seed, replicate, ablation_name,
 * ablation_flags, <one boolean column per ablation flag>, wall_time_s, cpu_time_s, peak_rss_bytes,
 * start_time_unix_s, end_time_unix_s, run_dir, <metrics…>}. Runs that did not end {@code ok} keep
 * their row with empty metric cells.
 */
public final class RunsCsv {

  private static final CsvMapper MAPPER = CsvMapper.builder().enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final List<String> HEAD = List.of("run_id", "trial_key", "status", "exit_code", "attempt");
  private static final List<String> RUNTIME = List.of("wall_time_s", "cpu_time_s", "peak_rss_bytes", "start_time_unix_s",
      "end_time_unix_s", "run_dir");

  private RunsCsv() {}

  /** The CSV text of {@code records} (sorted by run id). */
  public static String write(List<RunRecord> records) throws IOException {
    StringWriter out = new StringWriter();
    write(records, out);
    return out.toString();
  }

  public static void write(List<RunRecord> records, Writer out) throws IOException {
    List<RunRecord> rows = new ArrayList<>(records);
    rows.sort((a, b) -> a.meta().runId().compareTo(b.meta().runId()));
    Set<String> params = new LinkedHashSet<>();
    Set<String> flags = new LinkedHashSet<>();
    Set<String> metrics = new LinkedHashSet<>();
    for (RunRecord r : rows) {
      params.addAll(r.meta().params().keySet());
      for (String flag : r.meta().ablationFlags()) {
        String column = flagColumn(flag);
        if (column != null) {
          flags.add(column);
        }
      }
      metrics.addAll(r.metrics().values().keySet());
    }
    Set<String> taken = new LinkedHashSet<>(HEAD);
    taken.addAll(params);
    taken.addAll(List.of("seed", "replicate", "ablation_name", "ablation_flags"));
    List<String> flagColumns = flags.stream().map(f -> taken.contains(f) ? "flag_" + f : f).toList();
    taken.addAll(flagColumns);
    taken.addAll(RUNTIME);
    List<String> metricColumns = metrics.stream().map(m -> taken.contains(m) ? "metric_" + m : m).toList();

    List<String> header = new ArrayList<>(HEAD);
    header.addAll(params);
    header.addAll(List.of("seed", "replicate", "ablation_name", "ablation_flags"));
    header.addAll(flagColumns);
    header.addAll(RUNTIME);
    header.addAll(metricColumns);
    CsvSchema.Builder schema = CsvSchema.builder();
    header.forEach(schema::addColumn);
    try (SequenceWriter w = MAPPER.writer(schema.build().withHeader()).writeValues(out)) {
      List<String> metricNames = List.copyOf(metrics);
      List<String> flagNames = List.copyOf(flags);
      for (RunRecord r : rows) {
        w.write(row(r, params, flagNames, metricNames));
      }
    }
  }

  private static List<String> row(RunRecord r, Set<String> params, List<String> flags, List<String> metrics) {
    RunMeta m = r.meta();
    List<String> row = new ArrayList<>();
    row.add(m.runId());
    row.add(m.trialKey());
    row.add(m.status().json());
    row.add(text(m.exitCode()));
    row.add(Integer.toString(m.attempt()));
    for (String p : params) {
      row.add(text(m.params().get(p)));
    }
    row.add(text(m.seed()));
    row.add(Integer.toString(m.replicate()));
    row.add(m.ablationName());
    row.add(String.join(" ", m.ablationFlags()));
    Set<String> present = new LinkedHashSet<>();
    m.ablationFlags().forEach(f -> present.add(flagColumn(f)));
    for (String f : flags) {
      row.add(Boolean.toString(present.contains(f)));
    }
    row.add(text(m.wallTimeS()));
    row.add(text(m.cpuTimeS()));
    row.add(text(m.peakRssBytes()));
    row.add(text(m.startTimeUnixS()));
    row.add(text(m.endTimeUnixS()));
    row.add(ExperimentDirectory.RUNS + "/" + m.runId());
    boolean ok = m.status() == RunStatus.OK;
    Map<String, Object> values = r.metrics().values();
    for (String metric : metrics) {
      row.add(ok ? text(values.get(metric)) : "");
    }
    return row;
  }

  /** {@code --disable_hedging} → {@code disable_hedging}; flags with values ({@code --x=1}) get no column. */
  static String flagColumn(String flag) {
    String name = flag.replaceFirst("^-+", "");
    return name.isEmpty() || name.contains("=") || name.contains(" ") ? null : name;
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        return d.toString();
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      return java.math.BigDecimal.valueOf(d).toPlainString();
    }
    return String.valueOf(value);
  }
}
