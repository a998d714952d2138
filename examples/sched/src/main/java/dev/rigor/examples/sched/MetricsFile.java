package dev.rigor.examples.sched;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends progress as JSON lines to the file named by {@code RIGOR_METRICS}, flushing each line
 * so that a watcher sees the series grow: {@code {"step": 6000, "completed_workflows": 3,
 * "cost_usd": 0.214}}.
 */
final class MetricsFile implements ProgressListener, AutoCloseable {
  private final BufferedWriter writer;

  MetricsFile(Path path) throws IOException {
    this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  static String line(ProgressPoint p) {
    return "{\"step\": " + p.step() + ", \"completed_workflows\": " + p.completedWorkflows()
        + ", \"cost_usd\": " + DecimalText.fixed(p.costUsd(), 6) + "}";
  }

  @Override
  public void onProgress(ProgressPoint point) {
    try {
      writer.write(line(point));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
