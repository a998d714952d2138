package dev.rigor.report;

import dev.rigor.analysis.Experiment;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The report's header: provenance from manifest.json, counts and times from the runs. */
final class HeaderReader {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private HeaderReader() {}

  static ReportHeader of(Experiment e, ExperimentInfo info, Instant generatedAt, List<String> notes) {
    Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
    double wall = 0;
    double cpu = 0;
    boolean anyCpu = false;
    for (RunRecord r : e.runs()) {
      counts.merge(r.meta().status(), 1, Integer::sum);
      wall += r.meta().wallTimeS() == null ? 0 : r.meta().wallTimeS();
      if (r.meta().cpuTimeS() != null) {
        cpu += r.meta().cpuTimeS();
        anyCpu = true;
      }
    }
    return new ReportHeader(e.name(), info.description(), provenance(info.manifest()), counts, wall,
        anyCpu ? Optional.of(cpu) : Optional.empty(), generatedAt, notes);
  }

  private static List<ReportHeader.Fact> provenance(Map<String, Object> m) {
    List<ReportHeader.Fact> out = new ArrayList<>();
    Map<String, Object> git = map(m.get("git"));
    if (git.get("commit") != null) {
      String commit = text(git.get("commit"));
      String shortCommit = commit.length() > 12 ? commit.substring(0, 12) : commit;
      out.add(fact("git commit", shortCommit + (Boolean.TRUE.equals(git.get("dirty")) ? " (dirty: uncommitted changes)" : "")
          + (git.get("branch") == null ? "" : " on " + text(git.get("branch")))));
    } else if (!m.isEmpty()) {
      out.add(fact("git commit", "none (not run in a git repository)"));
    }
    addIf(out, "host", join(m.get("host"), m.get("os")));
    addIf(out, "machine", join(m.get("cpu_model"), m.get("cores") == null ? null : m.get("cores") + " cores",
        m.get("memory_bytes") instanceof Number b ? Numbers.format(b.doubleValue() / (1L << 30)) + " GiB" : null));
    addIf(out, "java", text(map(m.get("java")).get("version")));
    addIf(out, "rigor", text(m.get("rigor_version")));
    List<Map<String, Object>> sessions = sessions(m);
    if (!sessions.isEmpty()) {
      addIf(out, "started", time(sessions.get(0).get("started_unix_s")));
      Object ended = sessions.get(sessions.size() - 1).get("ended_unix_s");
      out.add(fact("ended", ended == null ? "not recorded (still running, or stopped abruptly)" : time(ended)));
      out.add(fact("sessions", sessions.size() + (sessions.size() == 1 ? " (one rigor run)" : " (rigor run, then resumes)")));
    }
    addIf(out, "spec", join(m.get("spec_source"), m.get("spec_hash") == null ? null
        : "sha256 " + text(m.get("spec_hash")).substring(0, Math.min(12, text(m.get("spec_hash")).length()))));
    if (m.get("command_line") instanceof List<?> cmd) {
      out.add(fact("command", String.join(" ", cmd.stream().map(HeaderReader::text).toList())));
    }
    addIf(out, "measured by", text(m.get("measurement")));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> sessions(Map<String, Object> m) {
    if (m.get("sessions") instanceof List<?> list && !list.isEmpty()) {
      return list.stream().filter(s -> s instanceof Map).map(s -> (Map<String, Object>) s).toList();
    }
    return m.isEmpty() ? List.of() : List.of(m);
  }

  /** A unix time in seconds as a UTC date and time. */
  static String time(Object unixSeconds) {
    if (!(unixSeconds instanceof Number n)) {
      return null;
    }
    return TIME.format(Instant.ofEpochMilli(Math.round(n.doubleValue() * 1000)));
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  private static ReportHeader.Fact fact(String label, String value) {
    return new ReportHeader.Fact(label, value);
  }

  private static void addIf(List<ReportHeader.Fact> out, String label, String value) {
    if (value != null && !value.isBlank()) {
      out.add(fact(label, value));
    }
  }

  private static String join(Object... parts) {
    List<String> present = new ArrayList<>();
    for (Object p : parts) {
      if (p != null && !text(p).isBlank()) {
        present.add(text(p));
      }
    }
    return String.join(", ", present);
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
