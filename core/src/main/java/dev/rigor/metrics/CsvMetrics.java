package dev.rigor.metrics;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rigor.spec.MetricSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CSV metrics: the first row as metrics, or every row widened by key columns. */
final class CsvMetrics {

  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

  private CsvMetrics() {}

  static void extract(MetricSpec.Csv spec, Path file, String source, ExtractionResult out) {
    if (!Files.isRegularFile(file)) {
      reportAllMissing(spec, source, "file not found", out);
      return;
    }
    try (Reader reader = Files.newBufferedReader(file);
        MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
      if (!rows.hasNext()) {
        reportAllMissing(spec, source, "no data rows", out);
        return;
      }
      if (spec.key().isEmpty()) {
        row(spec, rows.next(), source, Map.of(), out);
        return;
      }
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        Map<String, String> keys = new LinkedHashMap<>();
        for (String k : spec.key()) {
          String v = row.get(k);
          if (v == null) {
            out.missing(spec.name().raw(), source, "key column '" + k + "' not in the header " + row.keySet());
            return;
          }
          keys.put(k, v);
        }
        row(spec, row, source, keys, out);
      }
    } catch (IOException | RuntimeException e) {
      reportAllMissing(spec, source, "unreadable CSV: " + firstLine(e.getMessage()), out);
    }
  }

  private static void row(MetricSpec.Csv spec, Map<String, String> row, String source, Map<String, String> keys, ExtractionResult out) {
    List<String> columns = spec.columns().isEmpty() ? List.copyOf(row.keySet()) : spec.columns();
    for (String column : columns) {
      if (keys.containsKey(column)) {
        continue;
      }
      Map<String, String> names = new LinkedHashMap<>(keys);
      names.put("column", column);
      String name = spec.prefix() + spec.name().render(names::get);
      if (!row.containsKey(column)) {
        out.missing(name, source, "no column '" + column + "'");
        continue;
      }
      Object value = MetricValues.parse(row.get(column));
      if (value == null) {
        out.missing(name, source, "empty cell in column '" + column + "'");
      } else {
        out.put(name, value);
      }
    }
  }

  private static void reportAllMissing(MetricSpec.Csv spec, String source, String reason, ExtractionResult out) {
    if (spec.columns().isEmpty() || !spec.key().isEmpty()) {
      out.missing(spec.key().isEmpty() ? spec.prefix() + "*" : spec.prefix() + spec.name().raw(), source, reason);
      return;
    }
    for (String column : spec.columns()) {
      out.missing(spec.prefix() + column, source, reason);
    }
  }

  static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
