package dev.rigor.report;

import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.ValueText;
import dev.rigor.report.RunsTable.CategoryColumn;
import dev.rigor.report.RunsTable.Column;
import dev.rigor.report.RunsTable.Group;
import dev.rigor.report.RunsTable.NumberColumn;
import dev.rigor.report.RunsTable.NumberKind;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Builds the runs table: run id; status, exit code, attempt; the parameters (matrix axes first, in
 * spec order); the seed, replicate and ablation; what Rigor measured; every scalar metric. Columns
 * that vary (and the charted metrics) are shown at first; the others are a click away.
 */
final class RunsTables {

  private RunsTables() {}

  static RunsTable of(Experiment e, RunValues values, List<Metric> charted) {
    List<RunRecord> runs = new ArrayList<>(e.runs());
    runs.sort(Comparator.comparing(r -> r.meta().runId()));
    List<Column> columns = new ArrayList<>();
    columns.add(category("status", Group.RUN, true, runs, r -> r.meta().status().json(), statusOrder()));
    columns.add(number("exit_code", Group.RUN, true, NumberKind.INTEGER, runs, r -> orNaN(r.meta().exitCode())));
    columns.add(number("attempt", Group.RUN, varies(runs, r -> r.meta().attempt()), NumberKind.INTEGER, runs, r -> r.meta().attempt()));
    for (String axis : e.matrixAxes()) {
      columns.add(category(axis, Group.PARAMETER, true, runs, r -> param(r.meta(), axis), e.valueOrder(axis)));
    }
    columns.add(category("ablation", Group.PARAMETER, varies(runs, r -> r.meta().ablationName()), runs,
        r -> r.meta().ablationName() == null ? "" : r.meta().ablationName(), e.valueOrder("ablation")));
    columns.add(number("seed", Group.PARAMETER, true, NumberKind.INTEGER, runs, r -> orNaN(r.meta().seed())));
    columns.add(number("replicate", Group.PARAMETER, varies(runs, r -> r.meta().replicate()), NumberKind.INTEGER, runs,
        r -> r.meta().replicate()));
    for (String p : otherParams(e, runs)) {
      columns.add(category(p, Group.PARAMETER, varies(runs, r -> param(r.meta(), p)), runs, r -> param(r.meta(), p), e.valueOrder(p)));
    }
    columns.add(number("wall_time_s", Group.MEASURED, true, NumberKind.SECONDS, runs, r -> orNaN(r.meta().wallTimeS())));
    columns.add(number("cpu_time_s", Group.MEASURED, false, NumberKind.SECONDS, runs, r -> orNaN(r.meta().cpuTimeS())));
    columns.add(number("peak_rss_bytes", Group.MEASURED, false, NumberKind.BYTES, runs, r -> orNaN(r.meta().peakRssBytes())));
    columns.add(number("start_time", Group.MEASURED, false, NumberKind.TIMESTAMP, runs, r -> orNaN(r.meta().startTimeUnixS())));
    Set<String> shown = new LinkedHashSet<>();
    charted.forEach(m -> shown.add(m.name()));
    for (String name : values.scalarNames()) {
      if (!RunValues.BUILTINS.contains(name)) {
        Metric m = Metric.scalar(name);
        columns.add(number(name, Group.METRIC, shown.contains(name), NumberKind.REAL, runs, r -> values.value(r, m)));
      }
    }
    return new RunsTable(runs.stream().map(r -> r.meta().runId()).toList(), columns);
  }

  private static List<String> otherParams(Experiment e, List<RunRecord> runs) {
    Set<String> out = new LinkedHashSet<>();
    for (RunRecord r : runs) {
      out.addAll(r.meta().params().keySet());
    }
    out.removeAll(e.matrixAxes());
    return List.copyOf(out);
  }

  private static String param(RunMeta m, String key) {
    return m.params().containsKey(key) ? ValueText.of(m.params().get(key)) : "";
  }

  private static Comparator<String> statusOrder() {
    return Comparator.comparingInt(s -> RunStatus.parse(s).ordinal());
  }

  private static boolean varies(List<RunRecord> runs, Function<RunRecord, Object> value) {
    Set<Object> seen = new java.util.HashSet<>();
    for (RunRecord r : runs) {
      seen.add(value.apply(r));
      if (seen.size() > 1) {
        return true;
      }
    }
    return false;
  }

  private static CategoryColumn category(String name, Group group, boolean visible, List<RunRecord> runs,
      Function<RunRecord, String> value, Comparator<String> order) {
    String[] texts = new String[runs.size()];
    Set<String> distinct = new LinkedHashSet<>();
    for (int i = 0; i < texts.length; i++) {
      texts[i] = value.apply(runs.get(i));
      distinct.add(texts[i]);
    }
    List<String> dictionary = new ArrayList<>(distinct);
    dictionary.sort(order);
    Map<String, Integer> code = new HashMap<>();
    for (int i = 0; i < dictionary.size(); i++) {
      code.put(dictionary.get(i), i);
    }
    return new CategoryColumn(name, group, visible, dictionary, Arrays.stream(texts).mapToInt(code::get).toArray());
  }

  private static NumberColumn number(String name, Group group, boolean visible, NumberKind kind, List<RunRecord> runs,
      ToDoubleFunction<RunRecord> value) {
    double[] v = new double[runs.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = value.applyAsDouble(runs.get(i));
    }
    return new NumberColumn(name, group, visible, kind, v);
  }

  private static double orNaN(Number n) {
    return n == null ? Double.NaN : n.doubleValue();
  }
}
