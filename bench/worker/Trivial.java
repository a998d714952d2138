import dev.rigor.api.Trial;
import dev.rigor.api.TrialContext;
import dev.rigor.api.TrialResult;
import java.util.Map;

/** The trivial Java trial of the worker benchmarks (compiled by trivial.sh against rigor-api). */
public final class Trivial implements Trial {
  @Override
  public TrialResult run(TrialContext ctx) {
    return TrialResult.ok(Map.of("i", ctx.params().get("i")));
  }
}
