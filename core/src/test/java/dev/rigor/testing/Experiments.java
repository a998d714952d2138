package dev.rigor.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.StoreJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writing specs into a temporary directory and reading back what a sweep produced. */
public final class Experiments {

  private Experiments() {}

  public static Path spec(Path dir, String name, String yaml) {
    try {
      return Files.writeString(dir.resolve(name), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ExperimentDirectory dir(Path cwd, String name) {
    return new ExperimentDirectory(cwd.resolve("runs").resolve(name));
  }

  /** The latest meta.json of every run directory. */
  public static List<RunMeta> metas(ExperimentDirectory dir) {
    List<RunMeta> out = new ArrayList<>();
    try {
      for (var run : dir.runDirectories()) {
        out.add(StoreJson.read(run.meta(), RunMeta.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The rows of aggregate/runs.csv as maps. */
  public static List<Map<String, String>> runsCsv(ExperimentDirectory dir) {
    try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(new TypeReference<Map<String, String>>() {})
        .with(CsvSchema.emptySchema().withHeader()).readValues(dir.runsCsv().toFile())) {
      return rows.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
