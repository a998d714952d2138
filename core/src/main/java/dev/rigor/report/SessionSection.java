package dev.rigor.report;

import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.Group;
import dev.rigor.analysis.Grouping;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.WilsonScoreInterval;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interactive sessions by variation (DESIGN.md §7): the success rate (ended by {@code end} and verified)
 * of the finished sessions with its Wilson score interval, how the sessions ended, and a link to each
 * run's transcript shown as a conversation ({@link TranscriptPage}). Empty for experiments without sessions.
 */
public record SessionSection(List<Row> rows, ExperimentDirectory experiment) {

  /** The columns of session ends, in this order; anything else (interrupted, error…) counts as "other". */
  static final List<String> ENDS = List.of("end", "fail", "max_turns", "turn_timeout", "timeout", "exited", "other");

  /** Where a report links a run's transcript page, relative to the report directory. */
  static final String TRANSCRIPTS = "transcripts";

  public static final SessionSection EMPTY = new SessionSection(List.of(), null);

  public SessionSection {
    rows = List.copyOf(rows);
  }

  /** One variation's sessions. {@code success} is null when none finished. */
  record Row(String variation, int finished, int ok, ConfidenceInterval success, Map<String, Integer> ends, List<Session> sessions) {}

  /** One session: its run, a short label (seed, replicate), how it ended and whether it succeeded. */
  record Session(String runId, String label, String end, int turns, boolean ok) {}

  boolean isEmpty() {
    return rows.isEmpty();
  }

  static SessionSection of(Experiment e, ExperimentDirectory dir) {
    if (e.runs().stream().noneMatch(SessionSection::isSession)) {
      return EMPTY;
    }
    List<Row> rows = new ArrayList<>();
    for (Group g : Grouping.byVariation(e).apply(e, e.runs())) {
      List<RunRecord> sessions = g.runs().stream().filter(SessionSection::isSession)
          .sorted(Comparator.comparing((RunRecord r) -> r.meta().seed() == null ? 0 : r.meta().seed())
              .thenComparing(r -> r.meta().replicate()))
          .toList();
      if (sessions.isEmpty()) {
        continue;
      }
      Map<String, Integer> ends = new LinkedHashMap<>();
      ENDS.forEach(end -> ends.put(end, 0));
      List<Session> shown = new ArrayList<>();
      int finished = 0;
      int ok = 0;
      for (RunRecord r : sessions) {
        String end = String.valueOf(r.metrics().values().get("session_end"));
        ends.merge(ENDS.contains(end) ? end : "other", 1, Integer::sum);
        RunStatus status = r.meta().status();
        boolean succeeded = status == RunStatus.OK;
        if (succeeded || status.isFailure()) {
          finished++;
          ok += succeeded ? 1 : 0;
        }
        Object turns = r.metrics().values().get("turns");
        shown.add(new Session(r.meta().runId(), label(r), end, turns instanceof Number n ? n.intValue() : 0, succeeded));
      }
      ConfidenceInterval success = finished == 0 ? null : WilsonScoreInterval.of(ok, finished, ReportDefaults.CONFIDENCE);
      rows.add(new Row(g.key().label(), finished, ok, success, ends, shown));
    }
    return new SessionSection(rows, dir);
  }

  static boolean isSession(RunRecord r) {
    return r.metrics() != null && r.metrics().values().get("session_end") instanceof String;
  }

  private static String label(RunRecord r) {
    String seed = r.meta().seed() == null ? "" : "seed " + r.meta().seed();
    return r.meta().replicate() > 1 ? seed + " r" + r.meta().replicate() : seed.isEmpty() ? r.meta().runId() : seed;
  }
}
