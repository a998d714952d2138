package dev.rigor.cli;

import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import dev.rigor.sweep.Budget;
import dev.rigor.sweep.SweepEvent;
import dev.rigor.sweep.SweepListener;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Renders sweep events on stderr: a progress bar with ok/failed/running counts, elapsed time and
 * ETA on a terminal; a plain line every 10% (and at least every 30 s) otherwise. Failures and
 * retries are printed as they happen in both modes.
 */
final class ConsoleProgress implements SweepListener, AutoCloseable {

  private static final long PLAIN_EVERY_MS = 30_000;

  private final PrintStream err;
  private final ProgressMode mode;
  private final String experiment;
  private final Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
  private ProgressBar bar;
  private ScheduledExecutorService ticker;
  private long startNanos;
  private int total;
  private int done;
  private int running;
  private int lastPlainDecile = -1;
  /** Run ids of retries waiting for their backoff. */
  private final java.util.Set<String> waiting = new java.util.HashSet<>();
  private SweepEvent.Spent spent;
  private RunMeta retried;
  private long lastPlainNanos;

  ConsoleProgress(PrintStream err, ProgressMode mode, String experiment) {
    this.err = err;
    this.mode = mode;
    this.experiment = experiment;
  }

  @Override
  public synchronized void on(SweepEvent event) {
    if (event instanceof SweepEvent.Started s) {
      started(s);
    } else if (event instanceof SweepEvent.RunStarted r) {
      running++;
      waiting.remove(r.trial().runId());
      refresh();
    } else if (event instanceof SweepEvent.RunFinished f) {
      finished(f);
    } else if (event instanceof SweepEvent.Spent spent) {
      this.spent = spent;
      refresh();
    } else if (event instanceof SweepEvent.RetryWaiting w) {
      retryWaiting(w);
    } else if (event instanceof SweepEvent.Halting h) {
      println("rigor: " + h.why());
    } else if (event instanceof SweepEvent.Warning w) {
      println("warning: " + w.message());
      w.details().forEach(d -> println("  " + d));
    } else if (event instanceof SweepEvent.Finished) {
      close();
    }
  }

  private void started(SweepEvent.Started s) {
    startNanos = System.nanoTime();
    lastPlainNanos = startNanos;
    total = s.toRun();
    done = 0; // adaptive replication starts one sweep per round
    running = 0;
    lastPlainDecile = -1;
    counts.clear();
    if (mode == ProgressMode.NONE) {
      return;
    }
    StringBuilder head = new StringBuilder(experiment + ": running " + s.toRun() + " of " + s.planned() + " trials");
    head.append(" (jobs ").append(s.jobs()).append(", ").append(s.executor()).append(", measured by ").append(s.measurement()).append(")");
    err.println(head);
    if (s.alreadyOk() > 0) {
      err.println("  resuming: " + s.alreadyOk() + " trials already ok are skipped");
    }
    if (s.reclaimed() > 0) {
      err.println("  stopped " + s.reclaimed() + " process tree(s) left running by a coordinator that died");
    }
    if (mode == ProgressMode.BAR && total > 0) {
      bar = new ProgressBarBuilder()
          .setTaskName(experiment)
          .setInitialMax(total)
          .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
          .setConsumer(new ConsoleProgressBarConsumer(err))
          .setUpdateIntervalMillis(250)
          .continuousUpdate()
          .build();
      refresh();
    } else if (mode == ProgressMode.PLAIN) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rigor-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::tick, PLAIN_EVERY_MS, PLAIN_EVERY_MS, TimeUnit.MILLISECONDS);
    }
  }

  private void finished(SweepEvent.RunFinished f) {
    running = Math.max(0, running - 1);
    RunMeta meta = f.record().meta();
    if (f.retrying()) {
      retried = meta; // printed with the wait that follows (RetryWaiting)
      return;
    }
    done++;
    counts.merge(meta.status(), 1, Integer::sum);
    if (meta.status().isFailure()) {
      println("  " + meta.status().json() + " " + meta.runId() + errorSuffix(meta));
    }
    refresh();
  }

  private void retryWaiting(SweepEvent.RetryWaiting w) {
    StringBuilder line = new StringBuilder("  retry " + w.trial().runId());
    if (retried != null && retried.runId().equals(w.trial().runId())) {
      line.append(": attempt ").append(retried.attempt()).append(' ').append(retried.status().json()).append(errorSuffix(retried));
    }
    retried = null;
    line.append(" (").append(w.why()).append("); attempt ").append(w.nextAttempt());
    if (w.delaySeconds() > 0) {
      waiting.add(w.trial().runId());
      line.append(" in ").append(Durations.format(w.delaySeconds()));
    }
    println(line.toString());
    refresh();
  }

  private static String errorSuffix(RunMeta meta) {
    return meta.error() == null ? "" : ": " + meta.error();
  }

  private void refresh() {
    if (bar != null) {
      bar.stepTo(done);
      bar.setExtraMessage(countsText());
    } else if (mode == ProgressMode.PLAIN && total > 0) {
      int decile = done * 10 / total;
      if (decile != lastPlainDecile && done > 0) {
        lastPlainDecile = decile;
        plainLine();
      }
    }
  }

  private synchronized void tick() {
    if (System.nanoTime() - lastPlainNanos >= TimeUnit.MILLISECONDS.toNanos(PLAIN_EVERY_MS) - 1000) {
      plainLine();
    }
  }

  private void plainLine() {
    lastPlainNanos = System.nanoTime();
    double elapsed = (lastPlainNanos - startNanos) / 1e9;
    String eta = done == 0 || done >= total ? "" : " · ETA " + Durations.format(elapsed / done * (total - done));
    err.println(String.format(Locale.ROOT, "%s: %d/%d (%d%%) %s · %s elapsed%s", experiment, done, total,
        total == 0 ? 100 : done * 100 / total, countsText(), Durations.format(elapsed), eta));
  }

  private String countsText() {
    StringBuilder b = new StringBuilder("ok " + counts.getOrDefault(RunStatus.OK, 0));
    int failed = 0;
    for (Map.Entry<RunStatus, Integer> e : counts.entrySet()) {
      if (e.getKey().isFailure()) {
        failed += e.getValue();
      }
    }
    b.append(" · failed ").append(failed).append(" · running ").append(running);
    int other = counts.getOrDefault(RunStatus.INTERRUPTED, 0) + counts.getOrDefault(RunStatus.CANCELLED, 0);
    if (other > 0) {
      b.append(" · stopped ").append(other);
    }
    if (!waiting.isEmpty()) {
      b.append(" · waiting to retry ").append(waiting.size());
    }
    if (spent != null) {
      b.append(" · spent ").append(Budget.amount(spent.spent())).append('/').append(Budget.amount(spent.limit()))
          .append(' ').append(spent.metric());
    }
    return b.toString();
  }

  /** Prints a line without tearing the progress bar. */
  private void println(String line) {
    if (mode == ProgressMode.NONE) {
      return;
    }
    if (bar != null) {
      err.print("\r\033[K");
    }
    err.println(line);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.stepTo(done);
      bar.setExtraMessage(countsText());
      bar.close();
      bar = null;
    }
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
  }
}
