package dev.rigor.plan;

import dev.rigor.spec.Spec;
import java.util.List;

/** The ordered trials of a spec, with the variations they come from. */
public record Plan(Spec spec, List<Variation> variations, List<Trial> trials) {

  public Plan {
    variations = List.copyOf(variations);
    trials = List.copyOf(trials);
  }

  public int seedCount() {
    return spec.seeds().count();
  }
}
