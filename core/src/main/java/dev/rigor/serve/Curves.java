package dev.rigor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.ExperimentReader;
import dev.rigor.analysis.Grouping;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import dev.rigor.store.SeriesFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learning curves that grow while trials stream: per series and variation, the mean over the
 * variation's ok runs at each step (their {@code series.csv}), and one line per running trial from
 * what it has appended to {@code $RIGOR_METRICS} so far. A finished run's series never changes, so it
 * is read once and kept (for at most {@value #RUNS_READ} runs, the latest to finish); a running one is
 * read again when its stream grows (its last {@value #STREAM_TAIL_BYTES} bytes).
 */
final class Curves {

  static final int SERIES_SHOWN = 6;
  static final int RUNS_READ = 2_000;
  static final int POINTS_PER_LINE = 300;
  static final int STREAM_TAIL_BYTES = 2 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Series of finished runs by run id and attempt (they never change); bounded by {@link #RUNS_READ}. */
  private final Map<String, Map<String, TreeMap<Double, Double>>> finished = new LinkedHashMap<>();

  synchronized List<Map<String, Object>> of(LiveExperiment.Snapshot s, Path root) {
    List<RunRecord> ok = new ArrayList<>();
    List<RunRecord> running = new ArrayList<>();
    for (RunRecord r : s.runs()) {
      if (r.meta().status() == RunStatus.OK) {
        ok.add(r);
      } else if (r.meta().status() == RunStatus.RUNNING) {
        running.add(r);
      }
    }
    if (ok.isEmpty() && running.isEmpty()) {
      return List.of();
    }
    ok.sort(Comparator.comparing((RunRecord r) -> r.meta().endTimeUnixS() == null ? 0 : r.meta().endTimeUnixS()).reversed());
    ok = ok.subList(0, Math.min(RUNS_READ, ok.size()));
    Experiment e = ExperimentReader.of(root, s.spec().spec(), s.runs(), Map.of(), List.of());
    Grouping variations = Grouping.byVariation(e);
    Set<String> keep = new LinkedHashSet<>();
    Map<String, Map<String, TreeMap<Double, double[]>>> means = new TreeMap<>(); // series → variation → step → {sum, n}
    for (RunRecord r : ok) {
      String key = r.meta().runId() + "#" + r.meta().attempt();
      keep.add(key);
      Map<String, TreeMap<Double, Double>> series = finished.computeIfAbsent(key, k -> readFinished(root, r));
      String variation = variations.keyOf(r).label();
      series.forEach((name, points) -> {
        Map<Double, double[]> at = means.computeIfAbsent(name, n -> new TreeMap<>()).computeIfAbsent(variation, v -> new TreeMap<>());
        points.forEach((step, value) -> {
          double[] acc = at.computeIfAbsent(step, x -> new double[2]);
          acc[0] += value;
          acc[1]++;
        });
      });
    }
    finished.keySet().retainAll(keep);
    Map<String, List<Map<String, Object>>> lines = new TreeMap<>();
    means.forEach((name, byVariation) -> byVariation.forEach((variation, at) -> {
      TreeMap<Double, Double> mean = new TreeMap<>();
      at.forEach((step, acc) -> mean.put(step, acc[0] / acc[1]));
      lines.computeIfAbsent(name, n -> new ArrayList<>()).add(line(variation.isEmpty() ? "all" : variation, "mean", mean));
    }));
    for (RunRecord r : running) {
      Map<String, TreeMap<Double, Double>> streamed = readStream(new RunDirectory(root.resolve("runs").resolve(r.meta().runId()))
          .metricsStream());
      String label = r.meta().runId() + " (running)";
      streamed.forEach((name, points) -> lines.computeIfAbsent(name, n -> new ArrayList<>()).add(line(label, "running", points)));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Object>>> e2 : lines.entrySet()) {
      if (out.size() == SERIES_SHOWN) {
        break;
      }
      Map<String, Object> curve = new LinkedHashMap<>();
      curve.put("series", e2.getKey());
      curve.put("lines", e2.getValue());
      out.add(curve);
    }
    return out;
  }

  private static Map<String, Object> line(String label, String kind, TreeMap<Double, Double> points) {
    List<double[]> xy = new ArrayList<>();
    int stride = Math.max(1, (points.size() + POINTS_PER_LINE - 1) / POINTS_PER_LINE);
    int i = 0;
    for (Iterator<Map.Entry<Double, Double>> it = points.entrySet().iterator(); it.hasNext(); i++) {
      Map.Entry<Double, Double> p = it.next();
      if (i % stride == 0 || !it.hasNext()) {
        xy.add(new double[] {p.getKey(), p.getValue()});
      }
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("label", label);
    o.put("kind", kind);
    o.put("points", xy);
    return o;
  }

  private static Map<String, TreeMap<Double, Double>> readFinished(Path root, RunRecord r) {
    Map<String, TreeMap<Double, Double>> out = new LinkedHashMap<>();
    try {
      for (SeriesFile.Point p : SeriesFile.read(new RunDirectory(root.resolve("runs").resolve(r.meta().runId())).series())) {
        out.computeIfAbsent(p.name(), n -> new TreeMap<>()).put(p.step(), p.value());
      }
    } catch (IOException | RuntimeException e) {
      // a damaged series.csv: no curve from this run
    }
    return out;
  }

  /** The points a running trial has streamed ({@code {"step": s, "name": value, …}} lines). */
  static Map<String, TreeMap<Double, Double>> readStream(Path file) {
    Map<String, TreeMap<Double, Double>> out = new LinkedHashMap<>();
    String text;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      int size = (int) Math.min(length, STREAM_TAIL_BYTES);
      byte[] bytes = new byte[size];
      f.seek(length - size);
      f.readFully(bytes);
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return out;
    }
    for (String line : text.split("\n")) {
      try {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject() || !node.path("step").isNumber()) {
          continue;
        }
        double step = node.get("step").doubleValue();
        node.fields().forEachRemaining(f -> {
          if (!f.getKey().equals("step") && f.getValue().isNumber() && Double.isFinite(f.getValue().doubleValue())) {
            out.computeIfAbsent(f.getKey(), n -> new TreeMap<>()).put(step, f.getValue().doubleValue());
          }
        });
      } catch (IOException e) {
        // a partial last line (still being written), or not JSON
      }
    }
    return out;
  }
}
