package dev.rigor.analysis;

import dev.rigor.spec.Goal;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentFile;
import dev.rigor.store.Manifest;
import dev.rigor.store.RunIndex;
import dev.rigor.store.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads an experiment directory (DESIGN.md §5) for analysis: {@code experiment.json} for what the
 * spec declared, the latest run of every trial, and {@code manifest.json} for the git commit.
 * Read-only: it can run while a coordinator writes.
 *
 * <p>Runs come from {@link RunIndex}: the ledger, checked against the run directories (the source of
 * truth, which the ledger can lag after a crash), while experiment.json is read on another thread.
 */
public final class ExperimentReader {

  private ExperimentReader() {}

  /** Reads the experiment in {@code root}. */
  public static Experiment read(Path root) throws AnalysisException, IOException {
    ExperimentDirectory dir = new ExperimentDirectory(root);
    if (!Files.isDirectory(dir.root())) {
      throw new AnalysisException(root + " does not exist");
    }
    if (!dir.exists()) {
      throw new AnalysisException(root + " is not an experiment directory (no experiment.json, rigor.db or runs/)");
    }
    CompletableFuture<Map<String, Object>> reading = CompletableFuture.supplyAsync(() -> spec(dir));
    Runs read = runs(dir);
    List<RunRecord> runs = read.records();
    Map<String, Object> spec = join(reading);
    if (runs.isEmpty()) {
      throw new AnalysisException(root + " has no runs yet (rigor run SPEC writes them)");
    }
    return of(dir.root(), spec, runs, map(Manifest.read(dir).get("git")), read.notes());
  }

  /**
   * The experiment of runs read elsewhere (the dashboard keeps them up to date itself), with what
   * {@code spec} (experiment.json's resolved spec) declares; {@code git} is manifest.json's, or empty.
   */
  public static Experiment of(Path root, Map<String, Object> spec, List<RunRecord> runs, Map<String, Object> git,
      List<String> notes) {
    String name = spec.get("name") instanceof String s ? s : root.getFileName().toString();
    Map<String, List<String>> declared = declaredValues(spec);
    List<String> axes = matrixAxes(declared, runs);
    Map<String, Object> report = map(spec.get("report"));
    return new Experiment(name, root, axes, declared, goals(spec), texts(map(report.get("control"))),
        strings(report.get("metrics")), runs, Optional.ofNullable(git.get("commit")).map(Object::toString),
        Boolean.TRUE.equals(git.get("dirty")), notes);
  }

  /** The runs read, and what the user should know about how. */
  private record Runs(List<RunRecord> records, List<String> notes) {}

  /** The latest record of every trial, by run id (see {@link RunIndex}). */
  private static Runs runs(ExperimentDirectory dir) throws IOException {
    RunIndex.Runs index = RunIndex.read(dir);
    if (index.ledgerOnly()) {
      return new Runs(index.records(), List.of("no run directories: read the runs from the ledger"));
    }
    return new Runs(index.records(), index.unreadable() == 0 ? List.of()
        : List.of(index.unreadable() + " run directories have no readable meta.json and are left out"));
  }

  private static Map<String, Object> spec(ExperimentDirectory dir) {
    try {
      return ExperimentFile.exists(dir) ? ExperimentFile.read(dir).spec() : Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> join(CompletableFuture<Map<String, Object>> reading) throws IOException {
    try {
      return reading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  private static Map<String, List<String>> declaredValues(Map<String, Object> spec) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    map(spec.get("matrix")).forEach((axis, values) -> {
      if (!axis.equals("include") && !axis.equals("exclude") && values instanceof List<?> list) {
        out.put(axis, list.stream().map(ValueText::of).toList());
      }
    });
    if (spec.get("ablations") instanceof List<?> ablations) {
      out.put(RunAttributes.ABLATION, ablations.stream().map(a -> ValueText.of(map(a).get("name"))).toList());
    }
    if (spec.get("seeds") instanceof List<?> seeds) {
      out.put(RunAttributes.SEED, seeds.stream().map(ValueText::of).toList());
    }
    return out;
  }

  /** The declared matrix axes, then any axis that only {@code include} added (found in the runs). */
  private static List<String> matrixAxes(Map<String, List<String>> declared, List<RunRecord> runs) {
    Set<String> axes = new LinkedHashSet<>(declared.keySet());
    axes.remove(RunAttributes.ABLATION);
    axes.remove(RunAttributes.SEED);
    for (RunRecord r : runs) {
      axes.addAll(r.meta().axes().keySet());
    }
    return List.copyOf(axes);
  }

  private static Map<String, Goal> goals(Map<String, Object> spec) {
    Map<String, Goal> out = new LinkedHashMap<>();
    map(spec.get("goals")).forEach((metric, goal) -> {
      String g = goal == null ? "" : goal.toString().toUpperCase(Locale.ROOT);
      if (g.equals("MIN") || g.equals("MAX")) {
        out.put(metric, Goal.valueOf(g));
      }
    });
    return out;
  }

  private static Map<String, String> texts(Map<String, Object> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(RunAttributes.canonicalKey(k), ValueText.of(v)));
    return out;
  }

  private static List<String> strings(Object o) {
    return o instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
