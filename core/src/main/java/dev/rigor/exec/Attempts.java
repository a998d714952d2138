package dev.rigor.exec;

import dev.rigor.plan.Trial;
import dev.rigor.spec.Quantities;
import dev.rigor.store.HostInfo;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every backend records the same way for an attempt: its params file, its starting meta.json, why it was stopped. */
public final class Attempts {

  private Attempts() {}

  /** {@code params.json}: every parameter, plus the seed, replicate and ablation. */
  public static Map<String, Object> paramsFile(Trial trial) {
    Map<String, Object> params = new LinkedHashMap<>(trial.variation().params());
    if (trial.seed() != null) {
      params.put("seed", trial.seed());
    }
    params.put("replicate", trial.replicate());
    params.put("ablation", trial.variation().ablation().name());
    return params;
  }

  /** The {@code running} record of an attempt that starts now. */
  public static RunMeta startingMeta(RunRequest request, String experiment, List<String> argv, String cwd) {
    Trial t = request.trial();
    return new RunMeta(RunMeta.SCHEMA, t.runId(), t.trialKey(), experiment, t.variation().params(), t.variation().axes(),
        t.seed(), t.replicate(), t.variation().ablation().name(), t.variation().ablation().flags(), argv, cwd,
        HostInfo.hostname(), request.attempt(), RunStatus.RUNNING, null, null, now(), null, null, null, null, null, null,
        null, null, List.of(), null, ProcessHandle.current().pid(), null);
  }

  /** Why a run was stopped, for its {@code error}; {@code what} is what was stopped ("the process tree was stopped"). */
  public static String stopped(RunStatus reason, Duration timeout, String what) {
    return switch (reason) {
      case TIMEOUT -> "timed out after " + Quantities.format(timeout) + "; " + what;
      case INTERRUPTED -> "interrupted; " + what;
      case CANCELLED -> "cancelled; " + what;
      case COST_LIMIT -> "stopped by the budget: its streamed spend passed a limit";
      default -> "stopped: " + reason.json();
    };
  }

  public static double now() {
    return System.currentTimeMillis() / 1000.0;
  }
}
