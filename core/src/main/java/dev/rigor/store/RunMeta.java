package dev.rigor.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of one run, {@code meta.json} (schema {@value #SCHEMA}); a superset of seed 004's.
 * Written atomically when the run starts (status {@code running}, with the pid and cgroups that a
 * resuming coordinator needs to stop an orphan) and when it ends.
 *
 * @param pid the trial's main process (while running), or {@code null}
 * @param pidStartTicks the process's start time in clock ticks since boot, to tell it from a reused pid
 * @param cgroups the cgroup directories holding the trial's process tree, if any
 * @param limitsEnforced whether {@code limits} were enforced ({@code null} when none were asked for)
 * @param coordinatorPid the pid of the rigor process that ran it
 * @param spend what the run spent, by the budget's metric (its last streamed value), or {@code null} without a budget
 */
public record RunMeta(
    String schema,
    String runId,
    String trialKey,
    String experiment,
    Map<String, Object> params,
    Map<String, Object> axes,
    Long seed,
    int replicate,
    String ablationName,
    List<String> ablationFlags,
    List<String> cmd,
    String cwd,
    String host,
    int attempt,
    RunStatus status,
    Integer exitCode,
    Integer signal,
    Double startTimeUnixS,
    Double endTimeUnixS,
    Double wallTimeS,
    Double cpuTimeS,
    Long peakRssBytes,
    Measurement measurement,
    String error,
    Long pid,
    Long pidStartTicks,
    List<String> cgroups,
    Boolean limitsEnforced,
    Long coordinatorPid,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double spend) {

  public static final String SCHEMA = "rigor.run/1";

  public RunMeta {
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    axes = axes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    ablationFlags = ablationFlags == null ? List.of() : List.copyOf(ablationFlags);
    cmd = cmd == null ? List.of() : List.copyOf(cmd);
    cgroups = cgroups == null ? List.of() : List.copyOf(cgroups);
    if (runId == null || trialKey == null || status == null) {
      throw new IllegalArgumentException("meta.json needs run_id, trial_key and status");
    }
  }

  /** The same record with the live-process fields set. */
  public RunMeta withProcess(Long pid, Long pidStartTicks, List<String> cgroups) {
    return new RunMeta(schema, runId, trialKey, experiment, params, axes, seed, replicate, ablationName, ablationFlags, cmd, cwd,
        host, attempt, status, exitCode, signal, startTimeUnixS, endTimeUnixS, wallTimeS, cpuTimeS, peakRssBytes, measurement,
        error, pid, pidStartTicks, cgroups, limitsEnforced, coordinatorPid, spend);
  }

  /** The record of a finished run. */
  public RunMeta finished(RunStatus status, Integer exitCode, Integer signal, double endTimeUnixS, double wallTimeS,
      Double cpuTimeS, Long peakRssBytes, Measurement measurement, String error, Boolean limitsEnforced) {
    return new RunMeta(schema, runId, trialKey, experiment, params, axes, seed, replicate, ablationName, ablationFlags, cmd, cwd,
        host, attempt, status, exitCode, signal, startTimeUnixS, endTimeUnixS, wallTimeS, cpuTimeS, peakRssBytes, measurement,
        error, null, null, List.of(), limitsEnforced, coordinatorPid, spend);
  }

  /** The same record with what the run spent. */
  public RunMeta withSpend(Double spend) {
    return new RunMeta(schema, runId, trialKey, experiment, params, axes, seed, replicate, ablationName, ablationFlags, cmd, cwd,
        host, attempt, status, exitCode, signal, startTimeUnixS, endTimeUnixS, wallTimeS, cpuTimeS, peakRssBytes, measurement,
        error, pid, pidStartTicks, cgroups, limitsEnforced, coordinatorPid, spend);
  }

  /** The same record with another status and error (e.g. a run found {@code running} after its coordinator died). */
  public RunMeta withStatus(RunStatus status, String error) {
    return new RunMeta(schema, runId, trialKey, experiment, params, axes, seed, replicate, ablationName, ablationFlags, cmd, cwd,
        host, attempt, status, exitCode, signal, startTimeUnixS, endTimeUnixS, wallTimeS, cpuTimeS, peakRssBytes, measurement,
        error, null, null, List.of(), limitsEnforced, coordinatorPid, spend);
  }
}
