package dev.rigor.cli;

import dev.rigor.serve.Dashboard;
import dev.rigor.serve.ServeOptions;
import dev.rigor.sweep.SweepEvent;
import dev.rigor.sweep.SweepListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code rigor run --serve}: the dashboard of the sweep's out_root, started once the experiment
 * directory exists (the sweep's Started event), its URL printed; stopped with the sweep, or after the
 * linger time (Ctrl-C ends the wait).
 */
final class LiveDashboard implements AutoCloseable {

  private final Context context;
  private final Duration linger;
  private final Integer port;
  private final Path experimentDir;
  private Dashboard dashboard;

  /** @param linger null: no dashboard */
  LiveDashboard(Context context, Duration linger, Integer port, Path experimentDir) {
    this.context = context;
    this.linger = linger;
    this.port = port;
    this.experimentDir = experimentDir;
  }

  /** {@code progress}, with the dashboard started at the sweep's start. */
  SweepListener listening(SweepListener progress) {
    if (linger == null) {
      return progress;
    }
    return event -> {
      if (event instanceof SweepEvent.Started && dashboard == null) {
        start();
      }
      progress.on(event);
    };
  }

  private void start() {
    Path root = experimentDir.getParent();
    try {
      dashboard = Dashboard.start(ServeOptions.local(root, port != null ? port : ServeOptions.DEFAULT_PORT));
    } catch (IOException e) {
      if (port != null) {
        context.err().println("rigor: no dashboard: " + e.getMessage());
        return;
      }
      try {
        dashboard = Dashboard.start(ServeOptions.local(root, 0)); // 8080 is taken: any free port
      } catch (IOException again) {
        context.err().println("rigor: no dashboard: " + again.getMessage());
        return;
      }
    }
    context.err().println("dashboard: " + dashboard.url(experimentDir.getFileName().toString()));
    context.err().flush();
  }

  /** Keeps serving for the linger time after the sweep (until Ctrl-C). */
  void linger() throws InterruptedException {
    if (dashboard == null || linger == null || linger.isZero()) {
      return;
    }
    context.err().println("dashboard: still at " + dashboard.url(experimentDir.getFileName().toString()) + " for "
        + Durations.format(linger.toMillis() / 1000.0) + " (Ctrl-C to stop)");
    CountDownLatch stop = new CountDownLatch(1);
    context.interrupts().onInterrupt(stop::countDown);
    stop.await(linger.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (dashboard != null) {
      dashboard.close();
    }
  }
}
