package dev.rigor.adaptive;

import dev.rigor.plan.Plan;
import dev.rigor.plan.Trial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The trials of a round: each variation with the first {@code seeds[v]} seeds of the spec's sequence. Pure. */
public final class SeedRounds {

  private SeedRounds() {}

  /** {@code full} restricted to each variation's first seeds, in the full plan's order, re-indexed. */
  public static Plan restrict(Plan full, int[] seedsPerVariation) {
    if (seedsPerVariation.length != full.variations().size()) {
      throw new IllegalArgumentException("one seed count per variation");
    }
    Map<Long, Integer> position = new HashMap<>();
    List<Long> sequence = full.spec().seeds().values();
    for (int i = 0; i < sequence.size(); i++) {
      position.put(sequence.get(i), i);
    }
    List<Trial> trials = new ArrayList<>();
    for (Trial t : full.trials()) {
      if (position.get(t.seed()) < seedsPerVariation[t.variation().index()]) {
        trials.add(new Trial(trials.size(), t.variation(), t.seed(), t.replicate(), t.keyBits()));
      }
    }
    return new Plan(full.spec(), full.variations(), trials);
  }

  /** The first round: every variation with {@code min_seeds}. */
  public static int[] first(Plan full) {
    int[] seeds = new int[full.variations().size()];
    java.util.Arrays.fill(seeds, full.spec().adaptive().minSeeds());
    return seeds;
  }

  /** At most this many trials run over all rounds. */
  public static int maxTrials(Plan full) {
    return full.variations().size() * full.spec().adaptive().maxSeeds();
  }

  /** At most this many rounds. */
  public static int maxRounds(Plan full) {
    var a = full.spec().adaptive();
    return 1 + (a.maxSeeds() - a.minSeeds() + a.batch() - 1) / a.batch();
  }
}
