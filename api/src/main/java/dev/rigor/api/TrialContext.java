package dev.rigor.api;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a {@link Trial} is given for one run. */
public interface TrialContext {

  /** Every parameter of the trial (fixed, matrix and ablation overrides): strings, longs, doubles, booleans. */
  Map<String, Object> params();

  /** The trial's seed, or {@code null} when the spec has no seeds. */
  Long seed();

  /** The replicate number (from 1). */
  int replicate();

  /** The ablation's name ({@code baseline} when the spec has none). */
  String ablation();

  /** The run's id. */
  String runId();

  /** The run directory. */
  Path runDir();

  /** The trial's own output directory ({@code $RIGOR_OUT}); exists. */
  Path out();

  /**
   * Streams metrics as the run goes, exactly like a line appended to {@code $RIGOR_METRICS}: values
   * without {@code step} are scalar metrics (the last value wins; {@code cost_usd} counts against a
   * budget), with {@code step} they make one point of each value's series.
   */
  void log(Map<String, ?> values);

  /** As {@link #log(Map)}, one point of each value's series at {@code step}. */
  void log(long step, Map<String, ?> values);

  /**
   * True once Rigor asked the trial to stop (timeout, interrupt, cost limit): a long trial checks it
   * and returns early. A trial that does not within the kill grace is stopped by force.
   */
  boolean cancelled();

  /** The run's {@code stdout.txt} (with {@code isolation: worker}, {@code System.out} goes there too). */
  PrintStream stdout();

  /** The run's {@code stderr.txt} (with {@code isolation: worker}, {@code System.err} goes there too). */
  PrintStream stderr();
}
