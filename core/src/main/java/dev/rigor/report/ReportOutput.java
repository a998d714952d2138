package dev.rigor.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a report wrote.
 *
 * @param html {@code index.html}, when HTML was asked for
 * @param files every file written, in order
 */
public record ReportOutput(Path directory, Optional<Path> html, List<Path> files) {

  public ReportOutput {
    files = List.copyOf(files);
  }
}
