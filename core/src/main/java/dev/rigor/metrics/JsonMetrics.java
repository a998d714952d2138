package dev.rigor.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rigor.spec.MetricSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON metrics: every scalar of the document, named by its dotted path ({@code eval.acc}, {@code losses.0}). */
final class JsonMetrics {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonMetrics() {}

  static void extract(MetricSpec.Json spec, Path file, String source, ExtractionResult out) {
    if (!Files.isRegularFile(file)) {
      if (spec.fields().isEmpty()) {
        out.missing(spec.prefix() + "*", source, "file not found");
      } else {
        spec.fields().forEach(f -> out.missing(spec.prefix() + f, source, "file not found"));
      }
      return;
    }
    Map<String, Object> flat = new LinkedHashMap<>();
    try {
      flatten("", MAPPER.readTree(file.toFile()), flat);
    } catch (IOException e) {
      out.missing(spec.prefix() + "*", source, "unreadable JSON: " + CsvMetrics.firstLine(e.getMessage()));
      return;
    }
    if (spec.fields().isEmpty()) {
      flat.forEach((k, v) -> out.put(spec.prefix() + k, v));
      return;
    }
    for (String field : spec.fields()) {
      if (flat.containsKey(field) && flat.get(field) != null) {
        out.put(spec.prefix() + field, flat.get(field));
      } else {
        out.missing(spec.prefix() + field, source, "no field '" + field + "'");
      }
    }
  }

  static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix.isEmpty() ? Integer.toString(i) : prefix + "." + i, node.get(i), out);
      }
    } else if (node.isIntegralNumber() && node.canConvertToLong()) {
      out.put(prefix, node.longValue());
    } else if (node.isNumber()) {
      out.put(prefix, node.doubleValue());
    } else if (node.isBoolean()) {
      out.put(prefix, node.booleanValue());
    } else if (node.isTextual()) {
      out.put(prefix, node.textValue());
    }
  }
}
