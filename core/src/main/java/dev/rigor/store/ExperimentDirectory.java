package dev.rigor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The layout of {@code <out_root>/<name>/} (DESIGN.md §5). */
public final class ExperimentDirectory {

  public static final String EXPERIMENT = "experiment.json";
  public static final String MANIFEST = "manifest.json";
  public static final String LEDGER = "rigor.db";
  public static final String RUNS = "runs";
  public static final String AGGREGATE = "aggregate";
  public static final String RUNS_CSV = "runs.csv";
  public static final String LOCK = ".rigor.lock";

  private final Path root;

  public ExperimentDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public Path experimentJson() {
    return root.resolve(EXPERIMENT);
  }

  public Path manifestJson() {
    return root.resolve(MANIFEST);
  }

  public Path ledger() {
    return root.resolve(LEDGER);
  }

  public Path runs() {
    return root.resolve(RUNS);
  }

  public Path runsCsv() {
    return root.resolve(AGGREGATE).resolve(RUNS_CSV);
  }

  public Path report() {
    return root.resolve("report");
  }

  public Path lockFile() {
    return root.resolve(LOCK);
  }

  public RunDirectory run(String runId) {
    return new RunDirectory(runs().resolve(runId));
  }

  /** True when this looks like an experiment directory (it has experiment.json, a ledger or runs). */
  public boolean exists() {
    return Files.isRegularFile(experimentJson()) || Files.isRegularFile(ledger()) || Files.isDirectory(runs());
  }

  /** True when at least one run directory exists. */
  public boolean hasRuns() {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs(), Files::isDirectory)) {
      return dirs.iterator().hasNext();
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The names in {@code runs/}, sorted: the run ids, listed without a stat per entry (one directory
   * read, however many runs). Empty when there is no {@code runs/} yet.
   */
  public TreeSet<String> runIds() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(runs())) {
      for (Path p : entries) {
        names.add(p.getFileName().toString());
      }
    } catch (NoSuchFileException e) {
      return names;
    }
    return names;
  }

  /** Every run directory, sorted by run id. */
  public List<RunDirectory> runDirectories() throws IOException {
    List<RunDirectory> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs(), Files::isDirectory)) {
      for (Path dir : dirs) {
        out.add(new RunDirectory(dir));
      }
    } catch (NoSuchFileException e) {
      return out;
    }
    out.sort((a, b) -> a.runId().compareTo(b.runId()));
    return out;
  }
}
