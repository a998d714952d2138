package dev.rigor.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.rigor.spec.JsonValues;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The records written for every run — {@code meta.json}, {@code params.json}, {@code metrics.json}
 * and their compact copies in the ledger — through Jackson's streaming generator rather than
 * data binding. The bytes are exactly what {@link StoreJson} writes for the same values (tested
 * against it); the generator path is a small fraction of the code, so a sweep of short trials
 * spends less time running and compiling serializers (DECISIONS.md, "Run records are streamed").
 * Anything that is not a plain JSON value is handed back to data binding ({@link JsonValues}).
 */
public final class RunJson {

  private RunJson() {}

  /**
   * A record as its file holds it: pretty-printed UTF-8, as {@link StoreJson#bytes}. {@code record}
   * is a {@link RunMeta}, a {@link RunMetrics} or a plain JSON value (a parameter map, say).
   */
  public static byte[] file(Object record) {
    ByteArrayBuilder out = new ByteArrayBuilder(512);
    try (JsonGenerator g = StoreJson.MAPPER.createGenerator(out, JsonEncoding.UTF8)) { // configured as the mapper writes: indented
      write(g, record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a run record as JSON", e); // in memory: only a bug gets here
    }
    return out.toByteArray();
  }

  /** A record as the ledger holds it: compact text, as {@link StoreJson#compact}. */
  public static String ledger(Object record) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = StoreJson.COMPACT.createGenerator(out)) {
      write(g, record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a run record as JSON", e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object record) throws IOException {
    if (record instanceof RunMeta m) {
      meta(g, m);
    } else if (record instanceof RunMetrics m) {
      metrics(g, m);
    } else {
      JsonValues.write(g, record);
    }
  }

  private static void meta(JsonGenerator g, RunMeta m) throws IOException {
    g.writeStartObject();
    g.writeStringField("schema", m.schema());
    g.writeStringField("run_id", m.runId());
    g.writeStringField("trial_key", m.trialKey());
    g.writeStringField("experiment", m.experiment());
    field(g, "params", m.params());
    field(g, "axes", m.axes());
    field(g, "seed", m.seed());
    g.writeNumberField("replicate", m.replicate());
    g.writeStringField("ablation_name", m.ablationName());
    field(g, "ablation_flags", m.ablationFlags());
    field(g, "cmd", m.cmd());
    g.writeStringField("cwd", m.cwd());
    g.writeStringField("host", m.host());
    g.writeNumberField("attempt", m.attempt());
    g.writeStringField("status", m.status().json());
    field(g, "exit_code", m.exitCode());
    field(g, "signal", m.signal());
    field(g, "start_time_unix_s", m.startTimeUnixS());
    field(g, "end_time_unix_s", m.endTimeUnixS());
    field(g, "wall_time_s", m.wallTimeS());
    field(g, "cpu_time_s", m.cpuTimeS());
    field(g, "peak_rss_bytes", m.peakRssBytes());
    g.writeStringField("measurement", m.measurement() == null ? null : m.measurement().json());
    g.writeStringField("error", m.error());
    field(g, "pid", m.pid());
    field(g, "pid_start_ticks", m.pidStartTicks());
    field(g, "cgroups", m.cgroups());
    field(g, "limits_enforced", m.limitsEnforced());
    field(g, "coordinator_pid", m.coordinatorPid());
    if (m.spend() != null) { // only experiments with a budget have it: other meta.json files are unchanged
      field(g, "spend", m.spend());
    }
    g.writeEndObject();
  }

  private static void metrics(JsonGenerator g, RunMetrics m) throws IOException {
    g.writeStartObject();
    g.writeStringField("schema", m.schema());
    field(g, "values", m.values());
    g.writeArrayFieldStart("missing");
    for (RunMetrics.Missing missing : m.missing()) {
      g.writeStartObject();
      g.writeStringField("metric", missing.metric());
      g.writeStringField("source", missing.source());
      g.writeStringField("reason", missing.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void field(JsonGenerator g, String name, Object v) throws IOException {
    g.writeFieldName(name);
    JsonValues.write(g, v);
  }
}
