package dev.rigor.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs as JSON lines ({@code rigor collect --format jsonl}), the way seed 000 wrote its results:
 * one object per trial (its latest run, sorted by run id) with runs.csv's fixed columns as typed
 * values, and the run's {@code params} and {@code metrics} as nested objects. A run that did not end
 * {@code ok} has empty {@code metrics} (as its runs.csv row has empty metric cells) and its {@code error}.
 */
public final class RunsJsonl {

  private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private RunsJsonl() {}

  public static String write(List<RunRecord> records) throws IOException {
    StringWriter out = new StringWriter();
    write(records, out);
    return out.toString();
  }

  public static void write(List<RunRecord> records, Writer out) throws IOException {
    List<RunRecord> rows = new ArrayList<>(records);
    rows.sort((a, b) -> a.meta().runId().compareTo(b.meta().runId()));
    try (SequenceWriter w = MAPPER.writer().withRootValueSeparator("\n").writeValues(out)) {
      for (RunRecord r : rows) {
        w.write(object(r));
      }
    }
    if (!rows.isEmpty()) {
      out.write('\n');
    }
  }

  private static Map<String, Object> object(RunRecord r) {
    RunMeta m = r.meta();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("run_id", m.runId());
    o.put("trial_key", m.trialKey());
    o.put("status", m.status().json());
    o.put("exit_code", m.exitCode());
    o.put("attempt", m.attempt());
    o.put("params", m.params());
    o.put("seed", m.seed());
    o.put("replicate", m.replicate());
    o.put("ablation_name", m.ablationName());
    o.put("ablation_flags", m.ablationFlags());
    o.put("wall_time_s", m.wallTimeS());
    o.put("cpu_time_s", m.cpuTimeS());
    o.put("peak_rss_bytes", m.peakRssBytes());
    o.put("start_time_unix_s", m.startTimeUnixS());
    o.put("end_time_unix_s", m.endTimeUnixS());
    o.put("run_dir", ExperimentDirectory.RUNS + "/" + m.runId());
    o.put("error", m.error());
    o.put("metrics", m.status() == RunStatus.OK ? r.metrics().values() : Map.of());
    return o;
  }
}
