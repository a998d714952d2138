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
 */
public final class RunIndex {

  private RunIndex() {}

  /** The runs, in run-id order, and how many run directories had nothing readable to offer. */
  public record Runs(List<RunRecord> records, int unreadable) {}

  public static List<RunRecord> latest(ExperimentDirectory dir) throws IOException {
    return read(dir).records();
  }

  public static Runs read(ExperimentDirectory dir) throws IOException {
    List<String> names = new ArrayList<>(dir.runIds());
    Map<String, RunRecord> known = new HashMap<>();
    if (Files.isRegularFile(dir.ledger())) {
      for (RunRecord r : Ledger.readLatest(dir.ledger())) {
        known.put(r.meta().runId(), r);
      }
    }
    List<RunRecord> read = names.parallelStream().map(name -> {
      RunRecord r = known.get(name);
      return r != null && r.meta().status() == RunStatus.OK ? r : newest(r, dir.run(name).readRecord());
    }).toList();
    List<RunRecord> records = read.stream().filter(Objects::nonNull).toList();
    return new Runs(records, read.size() - records.size());
  }

  private static RunRecord newest(RunRecord fromLedger, RunRecord fromDirectory) {
    if (fromDirectory == null) {
      return null; // no readable meta.json and no ok row: the run directory is the truth, and it has nothing
    }
    return fromLedger != null && fromLedger.meta().attempt() > fromDirectory.meta().attempt() ? fromLedger : fromDirectory;
  }
}
