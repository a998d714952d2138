package dev.rigor.examples.causal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a scenarios file ({@code {"scenarios": [{name, turns, volatility, overrides}]}}), by default the one in the jar. */
public final class Scenarios {

  private Scenarios() {}

  public static Map<String, Scenario> load(Path file) throws IOException {
    try (InputStream in = file == null ? Scenarios.class.getResourceAsStream("/scenarios.json") : Files.newInputStream(file)) {
      if (in == null) {
        throw new IOException("scenarios.json is missing from the jar");
      }
      Map<String, Scenario> out = new LinkedHashMap<>();
      for (JsonNode s : new ObjectMapper().readTree(in).path("scenarios")) {
        Map<String, Double> overrides = new LinkedHashMap<>();
        s.path("overrides").fields().forEachRemaining(e -> overrides.put(e.getKey(), e.getValue().doubleValue()));
        Scenario scenario = new Scenario(s.path("name").asText(), s.path("turns").asInt(1), s.path("volatility").asDouble(0.05), overrides);
        out.put(scenario.name(), scenario);
      }
      return out;
    }
  }

  /** The scenario named {@code name}, or an error listing the known ones. */
  public static Scenario get(Map<String, Scenario> all, String name) {
    Scenario s = all.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + all.keySet());
    }
    return s;
  }
}
