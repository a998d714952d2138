package dev.rigor.serve;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Watches the experiments under ROOT and pushes what changed. Every {@value #PERIOD_MS} ms it
 * stats each experiment's ledger, its WAL and the metric streams of running trials (cheap: no file is
 * opened unless one changed), reads the new ledger rows of those that changed, and publishes the new
 * state once per topic; ROOT is listed again every {@value #RESCAN_MS} ms for experiments that
 * appeared or were deleted. Polling file stamps rather than a {@code WatchService}: inotify does not
 * see writes through another mount (NFS, a container volume) and misses nothing here, and a change
 * reaches the page within one period plus the read.
 */
final class Watcher implements AutoCloseable {

  static final String LIST = "experiments";
  static final long PERIOD_MS = 100;
  static final long RESCAN_MS = 1_000;
  static final long HEARTBEAT_MS = 15_000;
  /**
   * An experiment is looked at again at most this long after a change was pushed: a fast sweep then
   * costs at most a few recomputations a second, whatever its rate, and a change still reaches the page
   * within about this plus one period.
   */
  static final long MIN_PUSH_INTERVAL_MS = 400;

  private final Catalog catalog;
  private final Broadcaster broadcaster;
  private final Dashboard dashboard;
  private final Thread thread;
  private volatile boolean stopped;

  Watcher(Catalog catalog, Broadcaster broadcaster, Dashboard dashboard) {
    this.catalog = catalog;
    this.broadcaster = broadcaster;
    this.dashboard = dashboard;
    this.thread = new Thread(this::loop, "rigor-serve-watch");
    this.thread.setDaemon(true);
  }

  static String topic(LiveExperiment e) {
    return "experiment:" + e.name;
  }

  void start() {
    thread.start();
  }

  /** Reads every experiment once (before the server answers its first request). */
  void refreshAll() {
    for (LiveExperiment e : catalog.rescan()) {
      refresh(e);
    }
  }

  private void loop() {
    long lastRescan = 0;
    long lastHeartbeat = System.currentTimeMillis();
    List<String> names = names();
    while (!stopped) {
      long now = System.currentTimeMillis();
      boolean listChanged = false;
      if (now - lastRescan >= RESCAN_MS) {
        lastRescan = now;
        catalog.rescan();
        List<String> current = names();
        if (!current.equals(names)) {
          names.stream().filter(n -> !current.contains(n)).forEach(dashboard::forget);
          names = current;
          listChanged = true;
        }
      }
      for (LiveExperiment e : catalog.experiments()) {
        if (now - lastPush.getOrDefault(e.name, 0L) < MIN_PUSH_INTERVAL_MS) {
          continue;
        }
        if (refresh(e) && broadcaster.hasSubscribers(topic(e))) {
          lastPush.put(e.name, now);
          try {
            broadcaster.publish(topic(e), dashboard.detailJson(e));
          } catch (RuntimeException ex) {
            // deleted or half-written under us: the next look shows what is there
          }
        }
        listChanged |= e.snapshot() != null && e.snapshot().version() != published.getOrDefault(e.name, -1L);
        published.put(e.name, e.snapshot() == null ? -1L : e.snapshot().version());
      }
      published.keySet().retainAll(names);
      lastPush.keySet().retainAll(names);
      if (listChanged && broadcaster.hasSubscribers(LIST)) {
        broadcaster.publish(LIST, dashboard.listJson());
      }
      if (now - lastHeartbeat >= HEARTBEAT_MS) {
        lastHeartbeat = now;
        broadcaster.heartbeat();
      }
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException ex) {
        return;
      }
    }
  }

  private final Map<String, Long> published = new java.util.HashMap<>();
  private final Map<String, Long> lastPush = new java.util.HashMap<>();

  private List<String> names() {
    return catalog.experiments().stream().map(e -> e.name).toList();
  }

  private static boolean refresh(LiveExperiment e) {
    try {
      return e.refresh();
    } catch (IOException | RuntimeException ex) {
      return false; // a ledger being created, or deleted under us: look again next period
    }
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
