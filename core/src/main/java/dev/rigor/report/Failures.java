package dev.rigor.report;

import dev.rigor.analysis.Experiment;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The runs that did not end ok (the latest attempt of each trial), with the tail of their stderr. */
final class Failures {

  private static final int MAX_BYTES = 64 * 1024;
  private static final int MAX_LINE = 400;

  private Failures() {}

  /** Every run that is neither ok nor still running, by run id. */
  static List<RunRecord> of(Experiment e) {
    return e.runs().stream().filter(r -> r.meta().status() != RunStatus.OK && r.meta().status() != RunStatus.RUNNING)
        .sorted(Comparator.comparing(r -> r.meta().runId())).toList();
  }

  /** The first {@code max} failures with the last {@code lines} lines of their stderr. */
  static List<FailedRun> withTails(ExperimentDirectory dir, List<RunRecord> failures, int max, int lines) {
    List<FailedRun> out = new ArrayList<>();
    for (RunRecord r : failures.subList(0, Math.min(max, failures.size()))) {
      var m = r.meta();
      out.add(new FailedRun(m.runId(), m.status(), m.exitCode(), m.attempt(), m.error(), tail(dir.run(m.runId()).stderr(), lines)));
    }
    return out;
  }

  /** The last {@code n} lines of a (possibly huge) file, reading only its end; long lines are cut. */
  static List<String> tail(Path file, int n) {
    if (n <= 0 || !Files.isRegularFile(file)) {
      return List.of();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      f.seek(length - size);
      f.readFully(bytes);
      List<String> all = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
      if (size < length && !all.isEmpty()) {
        all.remove(0);
      }
      return all.subList(Math.max(0, all.size() - n), all.size()).stream()
          .map(l -> l.length() > MAX_LINE ? l.substring(0, MAX_LINE) + "…" : l).toList();
    } catch (IOException e) {
      return List.of("(cannot read " + file.getFileName() + ": " + e.getMessage() + ")");
    }
  }
}
