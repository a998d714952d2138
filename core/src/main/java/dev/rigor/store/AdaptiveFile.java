package dev.rigor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code adaptive.json} (schema {@code rigor.adaptive/1}): the state of adaptive replication, written
 * atomically before each round's trials start and after each round's decision, so {@code --resume}
 * in the middle of a round runs that round's missing trials and nothing else, and status, report and
 * compare can say why each variation stopped.
 *
 * @param round the current round (1-based)
 * @param finished whether adaptive replication stopped (see {@code stop})
 * @param stop why it stopped ({@code all_clear}, {@code max_seeds}, {@code halted}), or null while it runs
 * @param stopDetail the stop in words
 * @param method the interval method, in words (for the report and compare)
 * @param alpha the error allowed per interval over all looks
 * @param minSeeds the first round's seeds per variation (the intervals are tuned to be tightest there)
 * @param variations every variation's seeds and answer so far
 * @param rounds the seeds each variation had in every round
 */
public record AdaptiveFile(String schema, int round, boolean finished, String stop, String stopDetail, String method,
    double alpha, int minSeeds, List<VariationState> variations, List<Round> rounds) {

  public static final String SCHEMA = "rigor.adaptive/1";
  public static final String NAME = "adaptive.json";

  public AdaptiveFile {
    variations = List.copyOf(variations);
    rounds = List.copyOf(rounds);
  }

  /**
   * One variation.
   *
   * @param label {@code axis=value … ablation=name}
   * @param seeds seeds assigned so far (the first ones of the spec's sequence)
   * @param state {@code running}, {@code clear}, {@code max_seeds} or {@code halted}
   * @param why the state in words
   */
  public record VariationState(String label, Map<String, String> axes, int seeds, String state, String why,
      List<MetricState> metrics) {
    public VariationState {
      axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
      metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
  }

  /**
   * A metric's anytime-valid interval after the last decision: of the mean, or (decided mode) of the
   * paired difference to the control; bounds are null when still unbounded.
   *
   * @param verdict {@code precise}, {@code imprecise}, {@code higher}, {@code lower}, {@code equivalent}, {@code undecided}
   */
  public record MetricState(String metric, String of, int n, double estimate, Double lower, Double upper, boolean clear,
      String verdict) {}

  /** The seeds every variation had in one round. */
  public record Round(int round, Map<String, Integer> seeds) {
    public Round {
      seeds = Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
    }
  }

  public static Path path(ExperimentDirectory dir) {
    return dir.root().resolve(NAME);
  }

  public static Optional<AdaptiveFile> read(ExperimentDirectory dir) throws IOException {
    Path p = path(dir);
    return Files.isRegularFile(p) ? Optional.of(StoreJson.read(p, AdaptiveFile.class)) : Optional.empty();
  }

  public void write(ExperimentDirectory dir) throws IOException {
    Files.createDirectories(dir.root());
    AtomicFiles.write(path(dir), StoreJson.bytes(this));
  }
}
