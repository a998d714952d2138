package dev.rigor.examples.causal;

import dev.rigor.api.Trial;
import dev.rigor.api.TrialContext;
import dev.rigor.api.TrialResult;
import java.nio.file.Path;
import java.util.Map;

/**
 * The engine as a {@code java} trial: params {@code scenario}, {@code gravity} (true; the
 * {@code gravity_off} ablation sets false) and optionally {@code scenarios} (a file; default the
 * one in the jar). Scenarios are read once per worker, in the constructor.
 */
public final class CausalTrial implements Trial {

  private Map<String, Scenario> scenarios;
  private Object scenariosFile = "";

  @Override
  public TrialResult run(TrialContext ctx) throws Exception {
    Object file = ctx.params().getOrDefault("scenarios", null);
    if (scenarios == null || !java.util.Objects.equals(file, scenariosFile)) {
      scenarios = Scenarios.load(file == null ? null : Path.of(file.toString()));
      scenariosFile = file;
    }
    Scenario scenario = Scenarios.get(scenarios, String.valueOf(ctx.params().get("scenario")));
    boolean gravity = !Boolean.FALSE.equals(ctx.params().get("gravity"));
    if (ctx.seed() == null) {
      throw new IllegalArgumentException("the causal trial needs seeds: in the spec");
    }
    return TrialResult.ok(CausalEngine.run(scenario, ctx.seed(), gravity));
  }
}
