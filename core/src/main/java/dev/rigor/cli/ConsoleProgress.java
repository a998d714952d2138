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
 * retries are printed as they happen in both modes. When the first trials all fail the same way it says so at
 * once (suggesting --fail-fast). {@code running} counts the trials between their start and end events, never more
 * than the jobs; after an interrupt the interrupt's one message stands and the last line has no ETA.
 */
final class ConsoleProgress implements SweepListener, AutoCloseable {

  private static final long PLAIN_EVERY_MS = 30_000;
  /** Identical failures, before any trial succeeded, that make the progress say so. */
  static final int SAME_FAILURES = 3;

  private final PrintStream err;
  private final ProgressMode mode;
  private final String experiment;
  private final Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
  private ProgressBar bar;
  private ScheduledExecutorService ticker;
  private long startNanos;
  private int total;
  private int done;
  private final java.util.Set<String> running = new java.util.HashSet<>();
  private int jobs = Integer.MAX_VALUE;
  private boolean halted;
  private String firstFailure;
  private int sameFailures;
  private SilencingConsumer consumer;
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
      running.add(r.trial().runId());
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
      halted = true;
      // An interrupt has already said so (Interrupts prints one message on the signal); other halts say why.
      if (h.reason() != dev.rigor.sweep.SweepResult.Halt.INTERRUPTED) {
        println("rigor: " + h.why());
      }
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
    running.clear();
    lastPlainDecile = -1;
    counts.clear();
    jobs = s.jobs();
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
          .setConsumer(consumer = new SilencingConsumer(err))
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
    running.remove(f.trial().runId());
    RunMeta meta = f.record().meta();
    if (f.retrying()) {
      retried = meta; // printed with the wait that follows (RetryWaiting)
      return;
    }
    done++;
    counts.merge(meta.status(), 1, Integer::sum);
    if (meta.status().isFailure()) {
      println("  " + meta.status().json() + " " + meta.runId() + errorSuffix(meta));
      sameFailure(meta);
    }
    refresh();
  }

  /** The first trials all failing the same way is a broken command, not bad luck: say so before the rest run. */
  private void sameFailure(RunMeta meta) {
    if (counts.getOrDefault(RunStatus.OK, 0) > 0 || sameFailures < 0) {
      return;
    }
    String reason = meta.status().json() + errorSuffix(meta);
    if (firstFailure == null) {
      firstFailure = reason;
    }
    if (!reason.equals(firstFailure)) {
      sameFailures = -1;
      return;
    }
    if (++sameFailures == SAME_FAILURES && done < total) {
      println("warning: the first " + SAME_FAILURES + " trials all failed the same way (" + reason.replaceFirst("^[a-z_]+: ", "")
          + "); check the command and stop with Ctrl-C — --fail-fast stops a sweep at its first failure");
    }
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
    String eta = halted || done == 0 || done >= total ? "" : " · ETA " + Durations.format(elapsed / done * (total - done));
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
    b.append(" · failed ").append(failed).append(" · running ").append(Math.min(running.size(), jobs));
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

  /** The bar's consumer, muted once the sweep halted so that its closing render (with an ETA) is not printed. */
  private static final class SilencingConsumer extends ConsoleProgressBarConsumer {
    private volatile boolean silent;

    SilencingConsumer(PrintStream out) {
      super(out);
    }

    void silence() {
      silent = true;
    }

    @Override
    public void accept(String rendered) {
      if (!silent) {
        super.accept(rendered);
      }
    }

    @Override
    public void close() {
      if (!silent) {
        super.close();
      }
    }
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
    if (bar != null && halted) {
      // The bar's last line would show an ETA for trials that will not run: replace it with the counts.
      consumer.silence();
      bar.close();
      bar = null;
      err.print("\r\033[K");
      err.println(String.format(Locale.ROOT, "%s: stopped at %d/%d · %s · %s elapsed", experiment, done, total, countsText(),
          Durations.format((System.nanoTime() - startNanos) / 1e9)));
    }
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
