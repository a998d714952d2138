package dev.rigor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: the provenance of every session that ran trials into the experiment
 * (a {@code rigor run}, or each {@code --resume}); the top level repeats the latest session.
 */
public final class Manifest {

  public static final String SCHEMA = "rigor.manifest/1";

  private Manifest() {}

  /** Appends {@code session} (a map of provenance facts) and writes the manifest atomically. */
  @SuppressWarnings("unchecked")
  public static void record(ExperimentDirectory dir, Map<String, Object> session) throws IOException {
    List<Object> sessions = new ArrayList<>();
    if (Files.isRegularFile(dir.manifestJson())) {
      Object previous = StoreJson.readMap(dir.manifestJson()).get("sessions");
      if (previous instanceof List<?> list) {
        sessions.addAll((List<Object>) list);
      }
    }
    Map<String, Object> last = sessions.isEmpty() ? null : (Map<String, Object>) sessions.get(sessions.size() - 1);
    if (last != null && session.get("session_id") != null && session.get("session_id").equals(last.get("session_id"))) {
      sessions.set(sessions.size() - 1, session);
    } else {
      sessions.add(session);
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schema", SCHEMA);
    manifest.putAll(session);
    manifest.put("sessions", sessions);
    StoreJson.writeAtomically(dir.manifestJson(), manifest);
  }

  /** The manifest as plain values, or an empty map when there is none. */
  public static Map<String, Object> read(ExperimentDirectory dir) throws IOException {
    return Files.isRegularFile(dir.manifestJson()) ? StoreJson.readMap(dir.manifestJson()) : Map.of();
  }
}
