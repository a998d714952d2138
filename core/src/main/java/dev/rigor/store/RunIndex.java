package dev.rigor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The latest run of every trial, read fast but true to the run directories: from the ledger (one
 * file) when there is one, except for each trial the ledger does not know as {@code ok}, which is read
 * from its directory (the ledger may lag the files after a crash); run directories the ledger has
 * never heard of are read too, and ledger rows without a directory are dropped.
 *
 * <p>A directory whose {@code meta.json} cannot be read is left out (and counted) unless the ledger
 * recorded that run as {@code ok}: then the ledger row, written from the same record, stands in.
 * Without any run directory, the ledger's rows are all there is ({@link Runs#ledgerOnly()}).
 */
public final class RunIndex {

  private RunIndex() {}

  /**
   * The runs, in run-id order; how many run directories had nothing readable to offer; and whether
   * there was no run directory at all, so that the records are the ledger's alone.
   */
  public record Runs(List<RunRecord> records, int unreadable, boolean ledgerOnly) {}

  /** The runs that have a run directory (what {@code rigor status} shows). */
  public static List<RunRecord> latest(ExperimentDirectory dir) throws IOException {
    Runs runs = read(dir);
    return runs.ledgerOnly() ? List.of() : runs.records();
  }

  public static Runs read(ExperimentDirectory dir) throws IOException {
    List<String> names = new ArrayList<>(dir.runIds());
    List<RunRecord> ledger = Files.isRegularFile(dir.ledger()) ? Ledger.readLatest(dir.ledger()) : List.of();
    if (names.isEmpty()) {
      return new Runs(ledger, 0, !ledger.isEmpty());
    }
    Map<String, RunRecord> known = new HashMap<>();
    for (RunRecord r : ledger) {
      known.put(r.meta().runId(), r);
    }
    List<RunRecord> read = names.parallelStream().map(name -> {
      RunRecord r = known.get(name);
      return r != null && r.meta().status() == RunStatus.OK ? r : newest(r, dir.run(name).readRecord());
    }).toList();
    List<RunRecord> records = read.stream().filter(Objects::nonNull).toList();
    return new Runs(records, read.size() - records.size(), false);
  }

  private static RunRecord newest(RunRecord fromLedger, RunRecord fromDirectory) {
    if (fromDirectory == null) {
      return null; // no readable meta.json and no ok row: the run directory is the truth, and it has nothing
    }
    return fromLedger != null && fromLedger.meta().attempt() > fromDirectory.meta().attempt() ? fromLedger : fromDirectory;
  }
}
