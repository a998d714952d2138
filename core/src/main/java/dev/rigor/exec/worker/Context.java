package dev.rigor.exec.worker;

import dev.rigor.api.TrialContext;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Java trial's context; where its metrics lines go depends on where it runs (a worker's socket, the coordinator's files). */
abstract class Context implements TrialContext {

  private final String runId;
  private final Map<String, Object> params;
  private final Long seed;
  private final int replicate;
  private final String ablation;
  private final Path runDir;
  private final Path out;
  private final PrintStream stdout;
  private final PrintStream stderr;
  private volatile boolean cancelled;

  Context(String runId, Map<String, Object> params, Long seed, int replicate, String ablation, Path runDir, Path out,
      PrintStream stdout, PrintStream stderr) {
    this.runId = runId;
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    this.seed = seed;
    this.replicate = replicate;
    this.ablation = ablation;
    this.runDir = runDir;
    this.out = out;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** One metrics line (as appended to {@code $RIGOR_METRICS}). */
  abstract void emit(Map<String, Object> line);

  void cancel() {
    cancelled = true;
  }

  @Override
  public void log(Map<String, ?> values) {
    emit(new LinkedHashMap<>(values));
  }

  @Override
  public void log(long step, Map<String, ?> values) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("step", step);
    line.putAll(values);
    emit(line);
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public Map<String, Object> params() {
    return params;
  }

  @Override
  public Long seed() {
    return seed;
  }

  @Override
  public int replicate() {
    return replicate;
  }

  @Override
  public String ablation() {
    return ablation;
  }

  @Override
  public Path runDir() {
    return runDir;
  }

  @Override
  public Path out() {
    return out;
  }

  @Override
  public PrintStream stdout() {
    return stdout;
  }

  @Override
  public PrintStream stderr() {
    return stderr;
  }

  /** A throwable's stack trace as text (for {@code error} and stderr). */
  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString().strip();
  }
}
