package dev.rigor.serve;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentLock;
import dev.rigor.store.ExperimentFile;
import dev.rigor.store.Ledger;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One experiment as the dashboard keeps it: the latest attempt of every run, read from the ledger
 * incrementally ({@link Ledger#readChanged}: only the rows written since the last look), what
 * experiment.json declares ({@link SpecInfo}), and whether a coordinator is at work. {@link #refresh}
 * is cheap when nothing changed (a few stat calls), so the watcher can call it ten times a second.
 * Read-only: nothing here writes to the experiment directory.
 */
final class LiveExperiment {

  final String name;
  final ExperimentDirectory dir;

  private final Map<String, RunRecord> runs = new TreeMap<>();
  /** Every attempt's spend of the budget metric (retries cost money too), when the spec has a budget. */
  private final Map<String, Double> spendByAttempt = new HashMap<>();
  private long cursor;
  private String ledgerStamp = "";
  private String ledgerKey = "";
  private String specStamp = "";
  private SpecInfo spec = SpecInfo.NONE;
  private boolean coordinatorAlive;
  private boolean alive;
  private long aliveCheckedMs;
  static final long ALIVE_CHECK_MS = 1_000;
  private long version;
  private volatile Snapshot snapshot;

  LiveExperiment(String name, Path root) {
    this.name = name;
    this.dir = new ExperimentDirectory(root);
  }

  /** What the pages show at one moment; immutable. */
  record Snapshot(long version, String name, SpecInfo spec, List<RunRecord> runs, Map<String, Double> spendByAttempt,
      boolean coordinatorAlive, double lastChangeUnixS) {}

  /**
   * Looks at the files and reads what changed; true when something did. A deleted directory becomes
   * an experiment without runs; a ledger that went away or was rebuilt is read again from the start.
   */
  synchronized boolean refresh() throws IOException {
    String newSpecStamp = stamp(dir.experimentJson());
    String newLedgerStamp = stamp(dir.ledger()) + "|" + stamp(dir.ledger().resolveSibling(ExperimentDirectory.LEDGER + "-wal"))
        + "|" + streamStamps();
    long now = System.currentTimeMillis();
    if (now - aliveCheckedMs >= ALIVE_CHECK_MS) { // /proc/locks is read once a second, not at every look
      aliveCheckedMs = now;
      alive = ExperimentLock.isHeld(dir.lockFile());
    }
    boolean changed = alive != coordinatorAlive;
    coordinatorAlive = alive;
    if (!newSpecStamp.equals(specStamp)) {
      specStamp = newSpecStamp;
      spec = SpecInfo.read(dir);
      changed = true;
    }
    if (!newLedgerStamp.equals(ledgerStamp)) {
      ledgerStamp = newLedgerStamp;
      String key = fileKey(dir.ledger());
      boolean replaced = !key.equals(ledgerKey); // rebuilt (rigor collect) or deleted and created again
      ledgerKey = key;
      readLedger(replaced);
      changed = true; // a streamed series grew, or the WAL moved: the curves and the spend may have too
    }
    if (changed || snapshot == null) {
      version++;
      snapshot = new Snapshot(version, name, spec, List.copyOf(runs.values()), Map.copyOf(spendByAttempt), coordinatorAlive,
          System.currentTimeMillis() / 1000.0);
    }
    return changed;
  }

  /** The latest state (never blocks on a refresh in progress). */
  Snapshot snapshot() {
    return snapshot;
  }

  private boolean readLedger(boolean fromStart) throws IOException {
    if (!Files.isRegularFile(dir.ledger())) {
      boolean had = !runs.isEmpty();
      runs.clear();
      spendByAttempt.clear();
      cursor = 0;
      return had;
    }
    if (fromStart) {
      runs.clear();
      spendByAttempt.clear();
      cursor = 0;
    }
    Ledger.Changes changes;
    try {
      changes = Ledger.readChanged(dir.ledger(), cursor);
    } catch (IOException e) {
      if (!Files.exists(dir.ledger())) {
        return false; // deleted while we read: the next look clears it
      }
      throw e;
    }
    if (changes.maxRowid() < cursor) {
      runs.clear();
      spendByAttempt.clear();
      changes = Ledger.readChanged(dir.ledger(), 0);
    }
    cursor = changes.maxRowid();
    for (RunRecord r : changes.records()) {
      RunMeta m = r.meta();
      RunRecord known = runs.get(m.runId());
      if (known == null || known.meta().attempt() <= m.attempt()) {
        runs.put(m.runId(), r);
      }
      if (spec.budgetMetric() != null && r.metrics().values().get(spec.budgetMetric()) instanceof Number n) {
        spendByAttempt.put(m.runId() + "#" + m.attempt(), n.doubleValue());
      }
    }
    return !changes.records().isEmpty();
  }

  /** The sizes of the metric streams of running runs: a trial streaming its series changes no ledger row. */
  private String streamStamps() {
    StringBuilder b = new StringBuilder();
    for (RunRecord r : runs.values()) {
      if (r.meta().status() == RunStatus.RUNNING) {
        b.append(stamp(dir.run(r.meta().runId()).metricsStream())).append(',');
      }
    }
    return b.toString();
  }

  /** Identity, size and time of a file; "-" when it does not exist. */
  static String stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.fileKey() + "/" + a.size() + "/" + a.lastModifiedTime().toMillis();
    } catch (NoSuchFileException e) {
      return "-";
    } catch (IOException e) {
      return "?";
    }
  }

  private static String fileKey(Path file) {
    String s = stamp(file);
    return s.substring(0, Math.max(0, s.indexOf('/')));
  }

  /** Runs whose latest attempt has one of {@code statuses} (all when empty), in run-id order. */
  static List<RunRecord> withStatus(List<RunRecord> runs, List<RunStatus> statuses) {
    if (statuses.isEmpty()) {
      return runs;
    }
    List<RunRecord> out = new ArrayList<>();
    for (RunRecord r : runs) {
      if (statuses.contains(r.meta().status())) {
        out.add(r);
      }
    }
    return out;
  }

  /** Whether {@code dir} still looks like an experiment (it may have been deleted under us). */
  boolean exists() {
    return dir.exists() || ExperimentFile.exists(dir);
  }
}
