package dev.rigor.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads run records back from run directories alone — the source of truth the ledger is rebuilt from. */
public final class RunScanner {

  private RunScanner() {}

  /** The latest record of every run directory that has a readable meta.json, by run id. */
  public static List<RunRecord> latest(ExperimentDirectory dir) throws IOException {
    List<RunRecord> out = new ArrayList<>();
    for (RunDirectory run : dir.runDirectories()) {
      RunRecord r = run.readRecord();
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /** Every attempt kept in {@code run}: the archived ones under {@code attempts/}, then the latest. */
  public static List<RunRecord> attempts(RunDirectory run) throws IOException {
    List<RunRecord> out = new ArrayList<>();
    Path archive = run.root().resolve(RunDirectory.ATTEMPTS);
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(archive, Files::isDirectory)) {
      for (Path d : dirs) {
        RunRecord r = new RunDirectory(d).readRecord();
        if (r != null) {
          out.add(r);
        }
      }
    } catch (NoSuchFileException e) {
      // no earlier attempts
    }
    out.sort((a, b) -> Integer.compare(a.meta().attempt(), b.meta().attempt()));
    RunRecord latest = run.readRecord();
    if (latest != null) {
      out.add(latest);
    }
    return out;
  }

  /** Writes every attempt of every run directory into {@code ledger}; returns the number of runs (attempts). */
  public static int syncLedger(ExperimentDirectory dir, Ledger ledger) throws IOException {
    int n = 0;
    for (RunDirectory run : dir.runDirectories()) {
      for (RunRecord r : attempts(run)) {
        ledger.record(r);
        n++;
      }
    }
    ledger.flush();
    return n;
  }
}
