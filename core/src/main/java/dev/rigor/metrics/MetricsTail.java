package dev.rigor.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Follows a run's {@code $RIGOR_METRICS} file while the trial appends to it: each {@link #poll}
 * hands every complete new JSON-object line, flattened as {@link StreamedMetrics} reads it, to a
 * consumer (a partial last line waits for its newline). Lines that are not JSON objects are
 * skipped here; the final extraction reports them. Not thread-safe: one poller per run.
 */
public final class MetricsTail {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int CHUNK = 64 * 1024;

  private final Path file;
  private long offset;
  private byte[] partial = new byte[0];

  public MetricsTail(Path file) {
    this.file = file;
  }

  /** Reads what was appended since the last poll; returns how many records were handed on. */
  public int poll(Consumer<Map<String, Object>> records) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return 0; // not written yet (the common case for a short trial)
    }
    if (size <= offset) {
      return 0;
    }
    int handed = 0;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      f.seek(offset);
      byte[] buffer = new byte[(int) Math.min(CHUNK, size - offset)];
      int n;
      while (offset < size && (n = f.read(buffer, 0, (int) Math.min(buffer.length, size - offset))) > 0) {
        offset += n;
        handed += lines(buffer, n, records);
      }
    } catch (IOException e) {
      return handed; // vanished (an attempt archived): nothing more to follow
    }
    return handed;
  }

  private int lines(byte[] buffer, int n, Consumer<Map<String, Object>> records) {
    int handed = 0;
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (buffer[i] != '\n') {
        continue;
      }
      byte[] line = join(partial, buffer, start, i);
      partial = new byte[0];
      start = i + 1;
      Map<String, Object> record = parse(line);
      if (record != null) {
        records.accept(record);
        handed++;
      }
    }
    partial = join(partial, buffer, start, n);
    return handed;
  }

  private static byte[] join(byte[] head, byte[] buffer, int from, int to) {
    byte[] out = new byte[head.length + to - from];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(buffer, from, out, head.length, to - from);
    return out;
  }

  private static Map<String, Object> parse(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || !node.isObject()) {
        return null;
      }
      Map<String, Object> flat = new LinkedHashMap<>();
      JsonMetrics.flatten("", node, flat);
      return flat;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The last value of {@code metric} in a finished (or abandoned) stream, by the rule a run's spend
   * follows ("the last value counts"); {@code 0} when it never reported one.
   */
  public static double lastValue(Path file, String metric) {
    double[] last = {0};
    new MetricsTail(file).poll(record -> {
      if (record.get(metric) instanceof Number v && Double.isFinite(v.doubleValue())) {
        last[0] = v.doubleValue();
      }
    });
    return last[0];
  }
}
