package dev.rigor.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The latest run of every trial, read fast but true to the run directories: from the ledger (one
 * file) when there is one, except for each trial the ledger does not know as {@code ok}, which is read
 * from its directory (the ledger may lag the files after a crash); run directories the ledger has
 * never heard of are read too, and ledger rows without a directory are dropped.
 */
public final class RunIndex {

  private RunIndex() {}

  public static List<RunRecord> latest(ExperimentDirectory dir) throws IOException {
    TreeSet<String> names = runDirectoryNames(dir.runs());
    if (!Files.isRegularFile(dir.ledger())) {
      return names.parallelStream().map(n -> dir.run(n).readRecord()).filter(Objects::nonNull).toList();
    }
    Map<String, RunRecord> known = new HashMap<>();
    for (RunRecord r : Ledger.readLatest(dir.ledger())) {
      known.put(r.meta().runId(), r);
    }
    List<String> order = new ArrayList<>(names);
    return order.parallelStream().map(name -> {
      RunRecord r = known.get(name);
      return r != null && r.meta().status() == RunStatus.OK ? r : newest(r, dir.run(name).readRecord());
    }).filter(Objects::nonNull).toList();
  }

  private static RunRecord newest(RunRecord fromLedger, RunRecord fromDirectory) {
    if (fromDirectory == null) {
      return null; // no readable meta.json: the run directory is the truth, and it has nothing
    }
    return fromLedger != null && fromLedger.meta().attempt() > fromDirectory.meta().attempt() ? fromLedger : fromDirectory;
  }

  private static TreeSet<String> runDirectoryNames(Path runs) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(runs)) {
      for (Path p : entries) {
        names.add(p.getFileName().toString());
      }
    } catch (NoSuchFileException e) {
      return names;
    }
    return names;
  }
}
