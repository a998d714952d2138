package dev.rigor.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code runs/<run_id>/}: the latest attempt's files at the top, earlier attempts kept under
 * {@code attempts/<n>/}.
 */
public final class RunDirectory {

  public static final String META = "meta.json";
  public static final String PARAMS = "params.json";
  public static final String STDOUT = "stdout.txt";
  public static final String STDERR = "stderr.txt";
  public static final String OUT = "out";
  public static final String METRICS = "metrics.json";
  public static final String METRICS_STREAM = "metrics.jsonl";
  public static final String SERIES = "series.csv";
  public static final String ATTEMPTS = "attempts";

  private final Path root;

  public RunDirectory(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public String runId() {
    return root.getFileName().toString();
  }

  public Path meta() {
    return root.resolve(META);
  }

  public Path params() {
    return root.resolve(PARAMS);
  }

  public Path stdout() {
    return root.resolve(STDOUT);
  }

  public Path stderr() {
    return root.resolve(STDERR);
  }

  public Path out() {
    return root.resolve(OUT);
  }

  public Path metrics() {
    return root.resolve(METRICS);
  }

  public Path metricsStream() {
    return root.resolve(METRICS_STREAM);
  }

  public Path series() {
    return root.resolve(SERIES);
  }

  /**
   * Makes the directory ready for a new attempt: an earlier attempt's files move to
   * {@code attempts/<its attempt>/}, then {@code out/} is created empty.
   */
  public void prepareAttempt() throws IOException {
    if (createdAnew()) {
      return; // a first attempt: nothing to archive
    }
    RunMeta previous = readMeta();
    boolean hasFiles;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, p -> !p.getFileName().toString().equals(ATTEMPTS))) {
      hasFiles = entries.iterator().hasNext();
    }
    if (hasFiles) {
      archive(previous == null ? 0 : previous.attempt());
    }
    Files.createDirectories(out());
  }

  /**
   * Creates the run directory with its {@code out/}; false when the directory exists (an earlier
   * attempt, or its remains). {@code runs/} is created on the first miss instead of being checked
   * for every trial.
   */
  private boolean createdAnew() throws IOException {
    try {
      Files.createDirectory(root);
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (NoSuchFileException e) {
      Files.createDirectories(root.getParent());
      return createdAnew();
    }
    Files.createDirectory(out());
    return true;
  }

  private void archive(int attempt) throws IOException {
    Path attempts = Files.createDirectories(root.resolve(ATTEMPTS));
    Path target = attempts.resolve(Integer.toString(attempt));
    for (int n = 1; Files.exists(target); n++) {
      target = attempts.resolve(attempt + "." + n);
    }
    Files.createDirectory(target);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, p -> !p.getFileName().toString().equals(ATTEMPTS))) {
      for (Path entry : entries) {
        try {
          Files.move(entry, target.resolve(entry.getFileName()));
        } catch (FileAlreadyExistsException | NoSuchFileException raced) {
          // an orphaned process of the old attempt may still create files; the resume path stops it first
        }
      }
    }
  }

  /** The meta of the latest attempt, or {@code null} when there is none or it is unreadable. */
  public RunMeta readMeta() {
    try {
      return StoreJson.read(meta(), RunMeta.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  public void writeMeta(RunMeta meta) throws IOException {
    AtomicFiles.write(meta(), RunJson.file(meta));
  }

  /**
   * Written once, before the trial starts, and not atomically: if Rigor dies while writing it, the
   * run's meta.json is not final, so the attempt is archived and re-run.
   */
  public void writeParams(Map<String, Object> params) throws IOException {
    Files.write(params(), RunJson.file(params));
  }

  /** Written before the final meta.json, which is what makes it trusted (see {@link #writeParams}). */
  public void writeMetrics(RunMetrics metrics) throws IOException {
    Files.write(metrics(), RunJson.file(metrics));
  }

  /** The metrics of the latest attempt, or {@code null} when absent or unreadable. */
  public RunMetrics readMetrics() {
    try {
      return StoreJson.read(metrics(), RunMetrics.class);
    } catch (IOException e) {
      return null;
    }
  }

  /** The record of the latest attempt, or {@code null} when it has no readable meta. */
  public RunRecord readRecord() {
    RunMeta meta = readMeta();
    return meta == null ? null : new RunRecord(meta, readMetrics());
  }
}
