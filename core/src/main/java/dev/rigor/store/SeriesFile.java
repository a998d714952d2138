package dev.rigor.store;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code series.csv}: series metrics in long format, {@code name,step,value}. */
public final class SeriesFile {

  /** One point of a series metric: {@code name} at {@code step}. */
  public record Point(String name, double step, double value) {}

  private static final CsvMapper MAPPER = CsvMapper.builder().enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final CsvSchema SCHEMA = CsvSchema.builder().addColumn("name").addColumn("step").addColumn("value").build().withHeader();

  private SeriesFile() {}

  public static void write(Path file, List<Point> points) throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(temp); SequenceWriter out = MAPPER.writer(SCHEMA).writeValues(w)) {
      for (Point p : points) {
        out.write(List.of(p.name(), number(p.step()), number(p.value())));
      }
    }
    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The points of {@code file}, or none when it does not exist. */
  public static List<Point> read(Path file) throws IOException {
    List<Point> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out; // most runs have no series: one stat, not an exception per run (100,000 in a large report)
    }
    try (Reader r = Files.newBufferedReader(file);
        MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(r)) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        out.add(new Point(row.get("name"), Double.parseDouble(row.get("step")), Double.parseDouble(row.get("value"))));
      }
    } catch (NoSuchFileException e) {
      return out;
    }
    return out;
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
