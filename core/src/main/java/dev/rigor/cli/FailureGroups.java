package dev.rigor.cli;

import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Failed runs grouped by their status and reason, so 72 identical failures read as one line with a count. */
final class FailureGroups {

  /** Runs that failed the same way, in the order first seen. */
  record Group(String status, String reason, List<RunRecord> runs) {

    /** {@code 72 × failed  exit code 2 — stderr: …  (e.g. a__seed1__…)}. */
    String text() {
      RunMeta first = runs.get(0).meta();
      return (runs.size() == 1 ? "" : runs.size() + " × ") + status + "  " + (reason.isEmpty() ? "(no reason recorded)" : reason)
          + "  (" + (runs.size() == 1 ? "" : "e.g. ") + first.runId() + ")";
    }
  }

  private FailureGroups() {}

  static List<Group> of(List<RunRecord> failures) {
    Map<List<String>, List<RunRecord>> byReason = new LinkedHashMap<>();
    for (RunRecord f : failures) {
      RunMeta m = f.meta();
      String reason = m.error() != null ? m.error() : m.exitCode() == null ? "" : "exit code " + m.exitCode();
      byReason.computeIfAbsent(List.of(m.status().json(), reason), k -> new ArrayList<>()).add(f);
    }
    List<Group> out = new ArrayList<>();
    byReason.forEach((k, runs) -> out.add(new Group(k.get(0), k.get(1), runs)));
    return out;
  }
}
