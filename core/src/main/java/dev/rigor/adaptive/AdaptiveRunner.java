package dev.rigor.adaptive;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.ExperimentReader;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.RunValues;
import dev.rigor.plan.Plan;
import dev.rigor.plan.Trial;
import dev.rigor.plan.Variation;
import dev.rigor.spec.Adaptive;
import dev.rigor.spec.SpecLoader;
import dev.rigor.spec.Values;
import dev.rigor.store.AdaptiveFile;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunRecord;
import dev.rigor.sweep.Coordinator;
import dev.rigor.sweep.RefusedException;
import dev.rigor.sweep.SweepListener;
import dev.rigor.sweep.SweepResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs an adaptive experiment in rounds (DESIGN.md §13). Each round is a sweep of every variation's
 * first seeds (the coordinator skips trials already ok, so earlier rounds never run twice); after it,
 * {@link RoundDecision} judges every variation and the ones not yet clear get the next {@code batch}
 * seeds of the spec's sequence (so pairing by seed survives). It stops when every variation is clear,
 * when the unclear ones are at {@code max_seeds}, or when a sweep halts (budget, fail-fast, interrupt),
 * and records why in {@code adaptive.json} — written before each round, so {@code --resume} in the
 * middle of a round finishes that round's trials and goes on from there.
 */
public final class AdaptiveRunner {

  /** The end of adaptive replication: the last sweep (for its exit code) and the recorded state. */
  public record Outcome(SweepResult lastSweep, AdaptiveFile state) {}

  private final SpecLoader.Loaded loaded;
  private final Plan full;
  private final Adaptive settings;
  private final Coordinator.Options options;
  private final SweepListener sweepListener;
  private final AdaptiveListener listener;
  private final int control;
  private volatile Coordinator current;
  private volatile boolean interrupted;

  /**
   * @param full the plan of every seed up to {@code max_seeds} (the spec's extended sequence)
   * @throws AdaptiveException when {@code decided}'s control matches no variation or several
   */
  public AdaptiveRunner(SpecLoader.Loaded loaded, Plan full, Coordinator.Options options, SweepListener sweepListener,
      AdaptiveListener listener) throws AdaptiveException {
    this.loaded = loaded;
    this.full = full;
    this.settings = full.spec().adaptive();
    this.options = options;
    this.sweepListener = sweepListener;
    this.listener = listener;
    this.control = settings.until() instanceof Adaptive.Decided d ? controlIndex(full.variations(), d.control()) : -1;
  }

  /** Stops the running round (from a signal handler); the next round does not start. */
  public void interrupt() {
    interrupted = true;
    Coordinator c = current;
    if (c != null) {
      c.interrupt();
    }
  }

  public Outcome run() throws RefusedException, IOException, AdaptiveException {
    ExperimentDirectory dir = new ExperimentDirectory(options.experimentDir());
    int[] seeds = SeedRounds.first(full);
    int round = 1;
    List<AdaptiveFile.Round> rounds = new ArrayList<>();
    List<Verdict> verdicts = null;
    Optional<AdaptiveFile> prior = options.resume() ? AdaptiveFile.read(dir) : Optional.empty();
    if (prior.isPresent()) {
      round = prior.get().round();
      rounds.addAll(prior.get().rounds());
      Map<String, Integer> recorded = new HashMap<>();
      prior.get().variations().forEach(v -> recorded.put(v.label(), v.seeds()));
      for (Variation v : full.variations()) {
        seeds[v.index()] = Math.min(settings.maxSeeds(), Math.max(seeds[v.index()], recorded.getOrDefault(v.label(), 0)));
      }
    }
    boolean resumeSweep = options.resume();
    while (true) {
      Plan plan = SeedRounds.restrict(full, seeds);
      int thisRound = round;
      rounds.removeIf(r -> r.round() >= thisRound);
      rounds.add(new AdaptiveFile.Round(round, byLabel(seeds)));
      state(round, false, null, null, seeds, verdicts, rounds).write(dir);
      listener.on(new AdaptiveEvent.RoundStarted(round, growing(seeds, verdicts), plan.trials().size(), SeedRounds.maxRounds(full)));
      SweepResult result = sweep(plan, resumeSweep);
      resumeSweep = true;
      if (result.halt() != null) {
        String detail = "the sweep of round " + round + " halted (" + result.halt().name().toLowerCase(java.util.Locale.ROOT)
            + "); rigor run --resume continues this round";
        return stop(dir, round, "halted", detail, seeds, verdicts, rounds, result);
      }
      verdicts = RoundDecision.decide(settings, observe(dir, seeds), control);
      int[] next = next(seeds, verdicts);
      listener.on(new AdaptiveEvent.RoundDecided(round, verdicts, next));
      if (Arrays.equals(next, seeds)) {
        boolean allClear = verdicts.stream().allMatch(Verdict::clear);
        String detail = allClear ? "every variation's answer is clear"
            : "the variations not yet clear reached max_seeds (" + settings.maxSeeds() + ")";
        return stop(dir, round, allClear ? "all_clear" : "max_seeds", detail, seeds, verdicts, rounds, result);
      }
      if (interrupted) {
        return stop(dir, round, "halted", "interrupted after round " + round, seeds, verdicts, rounds, result);
      }
      seeds = next;
      round++;
    }
  }

  private SweepResult sweep(Plan plan, boolean resume) throws RefusedException, IOException {
    Coordinator.Options o = options;
    Coordinator.Options roundOptions = new Coordinator.Options(o.invocationDir(), o.experimentDir(), resume, o.allowDrift(),
        o.sweep(), o.timeout(), o.measure(), o.commandLine(), o.rigorVersion(), o.executors());
    Coordinator c = new Coordinator(loaded, plan, roundOptions, sweepListener);
    current = c;
    if (interrupted) {
      c.interrupt();
    }
    try {
      return c.run();
    } finally {
      current = null;
    }
  }

  /** Unclear variations below max_seeds get the next batch of seeds. */
  private int[] next(int[] seeds, List<Verdict> verdicts) {
    int[] next = seeds.clone();
    for (int v = 0; v < seeds.length; v++) {
      if (!verdicts.get(v).clear() && seeds[v] < settings.maxSeeds()) {
        next[v] = Math.min(settings.maxSeeds(), seeds[v] + settings.batch());
      }
    }
    return next;
  }

  private Outcome stop(ExperimentDirectory dir, int round, String reason, String detail, int[] seeds, List<Verdict> verdicts,
      List<AdaptiveFile.Round> rounds, SweepResult last) throws IOException {
    AdaptiveFile state = state(round, true, reason, detail, seeds, verdicts, rounds);
    state.write(dir);
    List<String> lines = state.variations().stream().map(v -> v.label() + ": " + v.state() + " at " + v.seeds() + " seeds — " + v.why()).toList();
    listener.on(new AdaptiveEvent.Stopped(reason, detail, lines, last));
    return new Outcome(last, state);
  }

  private AdaptiveFile state(int round, boolean finished, String stop, String detail, int[] seeds, List<Verdict> verdicts,
      List<AdaptiveFile.Round> rounds) {
    List<AdaptiveFile.VariationState> variations = new ArrayList<>();
    for (Variation v : full.variations()) {
      Verdict verdict = verdicts == null ? null : verdicts.get(v.index());
      String state;
      String why;
      if (verdict == null) {
        state = "halted".equals(stop) ? "halted" : "running";
        why = "halted".equals(stop) ? detail : "round " + round + " is running";
      } else if (verdict.clear()) {
        state = "clear";
        why = verdict.why();
      } else if (seeds[v.index()] >= settings.maxSeeds()) {
        state = "max_seeds";
        why = "still unclear at max_seeds: " + verdict.why();
      } else {
        state = "halted".equals(stop) ? "halted" : "running";
        why = ("halted".equals(stop) ? detail + "; " : "") + "unclear: " + verdict.why();
      }
      variations.add(new AdaptiveFile.VariationState(v.label(), axes(v), seeds[v.index()], state, why,
          verdict == null ? List.of() : verdict.metrics()));
    }
    return new AdaptiveFile(AdaptiveFile.SCHEMA, round, finished, stop, detail, RoundDecision.METHOD, settings.alpha(),
        settings.minSeeds(), variations, rounds);
  }

  private int growing(int[] seeds, List<Verdict> verdicts) {
    if (verdicts == null) {
      return seeds.length;
    }
    int n = 0;
    for (int v = 0; v < seeds.length; v++) {
      n += verdicts.get(v).clear() ? 0 : 1;
    }
    return n;
  }

  private Map<String, Integer> byLabel(int[] seeds) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (Variation v : full.variations()) {
      m.put(v.label(), seeds[v.index()]);
    }
    return m;
  }

  /** Every variation's values of the adaptive metrics, by seed, from the ok runs of its assigned seeds. */
  private List<Observed> observe(ExperimentDirectory dir, int[] seeds) throws IOException, AdaptiveException {
    Experiment experiment;
    try {
      experiment = ExperimentReader.read(dir.root());
    } catch (AnalysisException e) {
      throw new AdaptiveException(e.getMessage());
    }
    RunValues values = new RunValues(experiment);
    for (String m : settings.metrics()) {
      if (!values.scalarNames().contains(m)) {
        throw new AdaptiveException("adaptive.metrics names '" + m + "', which no run of " + experiment.name()
            + " reports; metrics: " + String.join(", ", values.scalarNames()) + " — fix the spec and rigor run --resume");
      }
    }
    Map<String, Trial> byKey = new HashMap<>();
    for (Trial t : SeedRounds.restrict(full, seeds).trials()) {
      byKey.put(t.trialKey(), t);
    }
    List<Map<String, TreeMap<Long, Double>>> collected = new ArrayList<>();
    for (int v = 0; v < full.variations().size(); v++) {
      Map<String, TreeMap<Long, Double>> perMetric = new LinkedHashMap<>();
      settings.metrics().forEach(m -> perMetric.put(m, new TreeMap<>()));
      collected.add(perMetric);
    }
    for (RunRecord run : experiment.okRuns()) {
      Trial t = byKey.get(run.meta().trialKey());
      if (t == null) {
        continue;
      }
      for (String m : settings.metrics()) {
        double x = values.value(run, Metric.scalar(m));
        if (!Double.isNaN(x)) {
          collected.get(t.variation().index()).get(m).put(t.seed(), x);
        }
      }
    }
    List<Observed> observed = new ArrayList<>();
    for (Variation v : full.variations()) {
      Map<String, SeedValues> metrics = new LinkedHashMap<>();
      collected.get(v.index()).forEach((m, bySeed) -> metrics.put(m, new SeedValues(
          bySeed.keySet().stream().mapToLong(Long::longValue).toArray(),
          bySeed.values().stream().mapToDouble(Double::doubleValue).toArray())));
      observed.add(new Observed(v.label(), axes(v), seeds[v.index()], metrics));
    }
    return observed;
  }

  private static Map<String, String> axes(Variation v) {
    Map<String, String> axes = new LinkedHashMap<>();
    v.axes().forEach((k, x) -> axes.put(k, Values.text(x)));
    axes.put("ablation", v.ablation().name());
    return axes;
  }

  /** The one variation whose axis values (and ablation) match {@code control}. */
  static int controlIndex(List<Variation> variations, Map<String, String> control) throws AdaptiveException {
    List<Variation> matching = variations.stream().filter(v -> {
      Map<String, String> axes = axes(v);
      return control.entrySet().stream().allMatch(e -> e.getValue().equals(axes.get(e.getKey())));
    }).toList();
    if (matching.size() != 1) {
      throw new AdaptiveException("adaptive.until.decided.control " + control + " matches " + matching.size()
          + " variations" + (matching.isEmpty() ? "" : " (" + matching.stream().map(Variation::label).limit(4).toList() + ")")
          + " — name one variation by every axis, e.g. control: \"" + variations.get(0).label() + "\"");
    }
    return matching.get(0).index();
  }
}
