package dev.rigor.exec.session;

import dev.rigor.exec.Execution;
import dev.rigor.exec.Executor;
import dev.rigor.exec.ExecutorContext;
import dev.rigor.exec.LocalExecutor;
import dev.rigor.exec.ProcessTrees;
import dev.rigor.exec.RunRequest;
import dev.rigor.exec.TrialSetup;
import dev.rigor.spec.SessionSpec;
import dev.rigor.spec.VerifySpec;
import dev.rigor.store.RunMeta;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs session trials (DESIGN.md §7, docs/SESSIONS.md): each attempt drives its program through a
 * pseudo-terminal on its own thread; the program's process tree is contained, measured, limited and
 * stopped exactly as a process trial's, and a dead coordinator's sessions are reclaimed the same way.
 */
public final class SessionExecutor implements Executor {

  private final TrialSetup setup;
  private final SessionSpec session;
  private final VerifySpec verify;
  private final ProcessTrees trees;
  private final LocalExecutor processes;
  private final ExecutorService threads;

  public SessionExecutor(ExecutorContext context) {
    this.session = context.spec().session();
    if (session == null) {
      throw new IllegalArgumentException("not a session spec");
    }
    this.setup = context.setup().withCommand(session.command());
    this.verify = context.spec().verify();
    this.trees = context.trees();
    this.processes = new LocalExecutor(context.setup(), context.trees());
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "rigor-session-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String name() {
    return "session";
  }

  @Override
  public String measurement() {
    return trees.kind().json();
  }

  @Override
  public Execution start(RunRequest request) {
    SessionRun run = new SessionRun(request, setup, session, verify, trees);
    threads.execute(run);
    return run;
  }

  /** A session's program is a process tree like a process trial's: reclaimed the same way. */
  @Override
  public int reclaim(List<RunMeta> staleRuns) {
    return processes.reclaim(staleRuns);
  }

  @Override
  public void close() {
    threads.shutdownNow();
    processes.close();
  }
}
