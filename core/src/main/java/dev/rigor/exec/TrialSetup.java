package dev.rigor.exec;

import dev.rigor.spec.ArgsMode;
import dev.rigor.spec.Limits;
import dev.rigor.spec.MeasureMode;
import dev.rigor.spec.MetricSpec;
import dev.rigor.spec.Spec;
import dev.rigor.spec.SuccessCriteria;
import dev.rigor.spec.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What every attempt of every trial of an experiment shares: how to build its command, where it
 * runs, its limits and how to judge it. Resolved once from the spec and the invocation.
 *
 * @param invocationDir the directory rigor was started in; relative paths in the spec resolve against it
 * @param spendMetric the budget's metric, whose last streamed value is a run's spend ({@code null}: no budget)
 */
public record TrialSetup(
    String experiment,
    List<Template> command,
    Template shell,
    ArgsMode args,
    boolean passSeed,
    Map<String, Template> env,
    Template workdir,
    Path invocationDir,
    Duration timeout,
    Duration killGrace,
    Limits limits,
    MeasureMode measure,
    List<MetricSpec> metrics,
    SuccessCriteria success,
    String spendMetric) {

  public TrialSetup {
    command = List.copyOf(command);
    env = Map.copyOf(env);
    metrics = List.copyOf(metrics);
    invocationDir = invocationDir.toAbsolutePath().normalize();
  }

  /** The same setup running another command (a backend's own program, such as a session's). */
  public TrialSetup withCommand(List<Template> otherCommand) {
    return new TrialSetup(experiment, otherCommand, null, args, passSeed, env, workdir, invocationDir, timeout, killGrace, limits,
        measure, metrics, success, spendMetric);
  }

  /** A finished run's spend: the last value of the budget's metric it streamed (0 when none), or {@code null} without a budget. */
  public Double spendOf(Map<String, Object> metrics) {
    if (spendMetric == null) {
      return null;
    }
    return metrics.get(spendMetric) instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : 0.0;
  }

  public static TrialSetup of(Spec spec, Path invocationDir, MeasureMode measure, Duration timeout) {
    return new TrialSetup(spec.name(), spec.command(), spec.shell(), spec.args(), spec.seeds().declared(), spec.env(),
        spec.workdir(), invocationDir, timeout, spec.killGrace(), spec.limits(), measure, spec.metrics(), spec.success(),
        spec.budget() == null ? null : spec.budget().metric());
  }
}
