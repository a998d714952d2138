package dev.rigor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * {@code experiment.json}: the resolved spec, its hash, the part that defines what trials compute
 * (compared on {@code --resume} to detect drift), and the original spec text, so the experiment can
 * be re-planned from its directory alone.
 */
public record ExperimentFile(
    String schema,
    String name,
    String specHash,
    String definitionHash,
    String source,
    String sourceText,
    List<String> overrides,
    boolean seed004,
    Map<String, Object> spec,
    Map<String, Object> definition) {

  public static final String SCHEMA = "rigor.experiment/1";

  public ExperimentFile {
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
  }

  public static ExperimentFile read(ExperimentDirectory dir) throws IOException {
    return StoreJson.read(dir.experimentJson(), ExperimentFile.class);
  }

  public static boolean exists(ExperimentDirectory dir) {
    return Files.isRegularFile(dir.experimentJson());
  }

  public void write(ExperimentDirectory dir) throws IOException {
    StoreJson.writeAtomically(dir.experimentJson(), this);
  }
}
