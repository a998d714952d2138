package dev.rigor.report;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentFile;
import dev.rigor.store.Manifest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * What the report needs from {@code experiment.json} and {@code manifest.json} beyond what the
 * analysis reads: the spec's description and {@code report.facet}, and the provenance of the sessions.
 */
record ExperimentInfo(String description, Optional<String> facet, Map<String, Object> manifest) {

  static ExperimentInfo read(ExperimentDirectory dir) throws IOException {
    Map<String, Object> spec = ExperimentFile.exists(dir) ? ExperimentFile.read(dir).spec() : Map.of();
    String description = spec.get("description") instanceof String s ? s : "";
    Optional<String> facet = Optional.empty();
    if (spec.get("report") instanceof Map<?, ?> report && report.get("facet") instanceof String f && !f.isBlank()) {
      facet = Optional.of(f);
    }
    return new ExperimentInfo(description, facet, Manifest.read(dir));
  }
}
