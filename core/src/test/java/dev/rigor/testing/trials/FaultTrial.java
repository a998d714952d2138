package dev.rigor.testing.trials;

import dev.rigor.api.Trial;
import dev.rigor.api.TrialContext;
import dev.rigor.api.TrialResult;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Java trial that misbehaves on request (param {@code mode}), for the worker fault tests. */
public final class FaultTrial implements Trial {

  private final long worker = ProcessHandle.current().pid();
  private int calls;

  @Override
  public TrialResult run(TrialContext ctx) throws Exception {
    calls++;
    Files.writeString(ctx.out().resolve("pid"), Long.toString(worker));
    String mode = String.valueOf(ctx.params().getOrDefault("mode", "ok"));
    switch (mode) {
      case "exit" -> System.exit(7);
      case "oom" -> {
        List<long[]> hog = new ArrayList<>();
        while (true) {
          hog.add(new long[1 << 20]);
        }
      }
      case "throw" -> throw new IllegalStateException("trial says no");
      case "hang" -> {
        while (true) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException ignored) {
            // a trial that ignores being stopped
          }
        }
      }
      case "cooperate" -> {
        while (!ctx.cancelled()) {
          Thread.sleep(20);
        }
        return TrialResult.ok(Map.of("stopped", 1));
      }
      default -> { }
    }
    ctx.log(Map.of("cost_usd", 0.5));
    ctx.log(1, Map.of("loss", 0.25));
    ctx.stdout().println("trial " + ctx.runId() + " on worker " + worker);
    return TrialResult.ok(Map.of("worker_pid", worker, "calls", calls, "seed", ctx.seed() == null ? -1 : ctx.seed()));
  }
}
