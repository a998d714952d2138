package dev.rigor.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.rigor.store.SeriesFile;

/**
 * Reads the JSON lines a trial appended to {@code $RIGOR_METRICS}: a line with a numeric
 * {@code step} adds a point to every other numeric key's series; a line without one sets scalar
 * metrics (the last value wins).
 */
final class StreamedMetrics {

  static final String SOURCE = "$RIGOR_METRICS";
  static final ObjectMapper MAPPER = new ObjectMapper();

  private StreamedMetrics() {}

  static void read(Path file, ExtractionResult out, List<SeriesFile.Point> series) {
    if (!Files.isRegularFile(file)) {
      return; // the trial streamed nothing (the common case: no exception on the hot path)
    }
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(line);
        } catch (IOException e) {
          out.missing("*", SOURCE, "line " + lineNumber + " is not JSON (ignored)");
          continue;
        }
        if (!node.isObject()) {
          out.missing("*", SOURCE, "line " + lineNumber + " is not a JSON object (ignored)");
          continue;
        }
        JsonNode step = node.get("step");
        Map<String, Object> flat = new LinkedHashMap<>();
        JsonMetrics.flatten("", node, flat);
        if (step != null && step.isNumber()) {
          double at = step.doubleValue();
          flat.forEach((name, value) -> {
            if (!name.equals("step") && value instanceof Number n && Double.isFinite(n.doubleValue())) {
              series.add(new SeriesFile.Point(name, at, n.doubleValue()));
            }
          });
        } else {
          flat.forEach(out::put);
        }
      }
    } catch (NoSuchFileException e) {
      // the trial streamed nothing
    } catch (IOException e) {
      out.missing("*", SOURCE, "unreadable: " + e.getMessage());
    }
  }
}
