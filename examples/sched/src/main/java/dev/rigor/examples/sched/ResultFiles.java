package dev.rigor.examples.sched;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a result's files into an output directory (created if needed). Each file is written to
 * a temporary sibling and moved into place, so a reader never sees a half-written file.
 */
public final class ResultFiles {
  public static final String SUMMARY = "summary.csv";
  public static final String WORKFLOWS = "workflows.csv";
  public static final String TIERS = "tiers.csv";
  public static final String TRACE = "trace.json";

  private record Output(String name, Function<SimResult, String> render) {}

  private static final List<Output> OUTPUTS = List.of(
      new Output(WORKFLOWS, WorkflowsCsv::render),
      new Output(TIERS, TiersCsv::render),
      new Output(TRACE, TraceJson::render),
      // Last: its presence is the success criterion, so it must mean that all files are there.
      new Output(SUMMARY, SummaryCsv::render));

  private ResultFiles() {}

  /** Writes every output file; returns their paths. */
  public static List<Path> write(SimResult result, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    List<Path> written = new java.util.ArrayList<>();
    for (Output output : OUTPUTS) {
      Path target = outDir.resolve(output.name());
      writeAtomically(target, output.render().apply(result));
      written.add(target);
    }
    return List.copyOf(written);
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
