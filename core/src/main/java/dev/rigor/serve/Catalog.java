package dev.rigor.serve;

import dev.rigor.store.ExperimentDirectory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The experiments under ROOT: ROOT itself when it is an experiment directory, else each
 * sub-directory that is one. An experiment is named by its directory's name, one path segment, and
 * only a name found by listing ROOT is ever resolved — a name is never joined onto a path — so
 * {@code ..}, separators, absolute paths and symbolic links leading out of ROOT cannot reach a file
 * outside it.
 */
final class Catalog {

  private final Path root;
  private final Path realRoot;
  private final Map<String, LiveExperiment> known = new ConcurrentHashMap<>();

  Catalog(Path root) throws IOException {
    this.root = root;
    this.realRoot = root.toRealPath();
  }

  Path root() {
    return root;
  }

  /** Lists ROOT again: new experiments are added, deleted ones dropped. */
  synchronized List<LiveExperiment> rescan() {
    Map<String, Path> found = new TreeMap<>();
    if (new ExperimentDirectory(root).exists()) {
      found.put(nameOf(root), root);
    } else {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
        for (Path p : entries) {
          String name = p.getFileName().toString();
          if (!name.startsWith(".") && Files.isDirectory(p) && inside(p) && new ExperimentDirectory(p).exists()) {
            found.put(name, p);
          }
        }
      } catch (NoSuchFileException e) {
        // ROOT itself was removed: no experiments
      } catch (IOException e) {
        // unreadable for now: keep what we had
        return experiments();
      }
    }
    known.keySet().retainAll(found.keySet());
    found.forEach((name, path) -> known.computeIfAbsent(name, n -> new LiveExperiment(n, path)));
    return experiments();
  }

  List<LiveExperiment> experiments() {
    List<LiveExperiment> out = new ArrayList<>(new TreeMap<>(known).values());
    return out;
  }

  /** The experiment named {@code name}, if ROOT has one by that name (re-listing ROOT once if not yet known). */
  Optional<LiveExperiment> find(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    LiveExperiment e = known.get(name);
    if (e == null) {
      rescan();
      e = known.get(name);
    }
    return Optional.ofNullable(e).filter(x -> inside(x.dir.root()));
  }

  /** True when {@code p}, with every symbolic link resolved, lies inside ROOT. */
  boolean inside(Path p) {
    try {
      return p.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }

  private static String nameOf(Path p) {
    Path name = p.getFileName();
    return name == null ? "experiment" : name.toString();
  }
}
