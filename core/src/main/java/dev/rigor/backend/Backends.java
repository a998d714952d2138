package dev.rigor.backend;

import dev.rigor.exec.Executor;
import dev.rigor.exec.ExecutorContext;
import dev.rigor.exec.ExecutorFactory;
import dev.rigor.exec.LocalExecutor;
import dev.rigor.exec.slurm.SlurmExecutor;
import dev.rigor.exec.worker.ThreadExecutor;
import dev.rigor.exec.worker.WorkerExecutor;
import dev.rigor.spec.WorkerSpec;
import java.io.IOException;

/**
 * Chooses the executor for an experiment from its trial kind (process, worker, python, java,
 * session) and where it runs (local, or a cluster named by {@code --executor} or the spec). The one
 * place that knows every backend: the sweep is handed the result, and each backend lives in its own
 * package under {@code exec} (docs/DECISIONS.md, "One executor seam").
 */
public final class Backends {

  private Backends() {}

  /**
   * The factory for a run.
   *
   * @param executorOverride {@code --executor} ({@code local}, {@code slurm}), or {@code null} for the spec's choice
   */
  public static ExecutorFactory forRun(String executorOverride) {
    return context -> open(context, executorOverride);
  }

  private static Executor open(ExecutorContext context, String executorOverride)
      throws ExecutorFactory.UnavailableException, IOException {
    String where = executorOverride != null ? executorOverride : context.spec().executor().type();
    WorkerSpec worker = context.spec().worker();
    if (worker != null) {
      if (!where.equals("local")) {
        throw new ExecutorFactory.UnavailableException(worker.kind().key() + " trials run on local workers, not on '" + where + "'",
            "remove executor: / --executor, or use command: trials for a cluster");
      }
      return worker.kind() == WorkerSpec.Kind.JAVA && worker.isolation() == WorkerSpec.Isolation.COORDINATOR
          ? ThreadExecutor.open(context) : WorkerExecutor.open(context);
    }
    return switch (where) {
      case "local" -> new LocalExecutor(context.setup(), context.trees());
      case "slurm" -> SlurmExecutor.open(context);
      default -> throw new ExecutorFactory.UnavailableException("unknown executor '" + where + "'", "use --executor local or --executor slurm");
    };
  }
}
