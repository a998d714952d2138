package dev.rigor.exec.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.backend.Backends;
import dev.rigor.exec.Execution;
import dev.rigor.exec.Executor;
import dev.rigor.exec.ExecutorContext;
import dev.rigor.exec.ProcessTrees;
import dev.rigor.exec.RunObserver;
import dev.rigor.exec.RunRequest;
import dev.rigor.exec.TrialSetup;
import dev.rigor.plan.Planner;
import dev.rigor.plan.Trial;
import dev.rigor.spec.MeasureMode;
import dev.rigor.spec.Spec;
import dev.rigor.spec.SpecLoader;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker executor on its own, with real Python workers: streamed metrics reach the run's observer
 * (what a budget and the dashboard listen to) as well as its files, each run's output lands in its own
 * files, and a worker is replaced after max_trials.
 */
class WorkerExecutorIT {

  @TempDir Path tmp;

  @Test
  void streamsMetricsToTheObserverKeepsOutputPerRunAndHonoursMaxTrials() throws Exception {
    Files.writeString(tmp.resolve("chatty.py"), """
        import os, sys
        def run(params, ctx):
            for step in range(3):
                ctx.log(step=step, reward=step * params["x"])
            ctx.log(cost_usd=0.01 * params["x"])
            print("stdout of", ctx.run_id)
            print("stderr of", ctx.run_id, file=sys.stderr)
            return {"pid": os.getpid()}
        """);
    Spec spec = SpecLoader.parse("chatty.yaml", """
        name: chatty
        python: {function: "chatty:run", path: ["%s"], max_trials: 2}
        matrix: {x: [1, 2, 3, 4, 5]}
        """.formatted(tmp), List.of()).spec();
    TrialSetup setup = TrialSetup.of(spec, tmp, MeasureMode.AUTO, null);
    ExperimentDirectory experiment = new ExperimentDirectory(tmp.resolve("runs/chatty"));
    ProcessTrees trees = ProcessTrees.detect(MeasureMode.AUTO, "wexec" + ProcessHandle.current().pid());
    List<Map<String, Object>> observed = new CopyOnWriteArrayList<>();
    RunObserver observer = new RunObserver() {
      @Override
      public void metrics(Map<String, Object> values) {
        observed.add(values);
      }
    };
    List<RunRecord> records = new ArrayList<>();
    try (Executor executor = Backends.forRun(null).open(new ExecutorContext(spec, setup, experiment, trees, 1))) {
      assertThat(executor).isInstanceOf(WorkerExecutor.class);
      for (Trial trial : Planner.plan(spec).trials()) {
        Execution run = executor.start(new RunRequest(trial, 1, experiment.run(trial.runId()), observer));
        records.add(run.completion().get(60, TimeUnit.SECONDS));
      }
    }
    assertThat(records).hasSize(5).allSatisfy(r -> assertThat(r.meta().status()).isEqualTo(RunStatus.OK));
    assertThat(observed).hasSize(5 * 4).contains(Map.of("step", 2, "reward", 10), Map.of("cost_usd", 0.05));
    for (RunRecord r : records) {
      String id = r.meta().runId();
      assertThat(Files.readString(experiment.run(id).stdout())).isEqualTo("stdout of " + id + "\n");
      assertThat(Files.readString(experiment.run(id).stderr())).isEqualTo("stderr of " + id + "\n");
      assertThat(Files.readString(experiment.run(id).series())).contains("reward,2,");
      assertThat(r.meta().measurement().json()).isEqualTo("worker");
      assertThat(r.meta().cpuTimeS()).isNotNull().isGreaterThanOrEqualTo(0.0);
    }
    List<Object> pids = records.stream().map(r -> r.metrics().values().get("pid")).toList();
    assertThat(pids.get(0)).isEqualTo(pids.get(1));
    assertThat(pids.get(2)).isEqualTo(pids.get(3)).isNotEqualTo(pids.get(1));
    assertThat(pids.get(4)).isNotEqualTo(pids.get(3));
  }
}
