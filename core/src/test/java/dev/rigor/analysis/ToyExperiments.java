package dev.rigor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real experiments with known data, run through the real CLI: a shell trial prints metrics that are
 * exact functions of the variant and the seed, and streams a series. For seeds s = 1..6:
 *
 * <pre>
 * latency (goal min):  base 100 + 10 s;   fast = base − (s mod 3) − 4;   slow = base + (s mod 2);   all + shift
 * score   (goal max):  base 50 + s;       fast = base + 2 − (s mod 2);    slow = base − 3 (s mod 2)
 * tokens  (no goal):   1000 + s for every variant
 * reward  (series, steps 1..4): i·s, plus i for fast
 * </pre>
 *
 * With {@code fail_seed = k}, the fast variant exits 1 on seed k (a failed trial, no metrics).
 */
public final class ToyExperiments {

  public static final double[] SEEDS = {1, 2, 3, 4, 5, 6};

  private static final String TRIAL = String.join("\n",
      "variant=$1; seed=$2; shift_by=$3; fail_seed=$4",
      "if [ \"$variant\" = fast ] && [ \"$seed\" = \"$fail_seed\" ]; then echo 'boom' >&2; exit 1; fi",
      "case $variant in",
      "  base) d=0; s=0; r=0 ;;",
      "  fast) d=$(( -(seed % 3) - 4 )); s=$(( 2 - seed % 2 )); r=1 ;;",
      "  slow) d=$(( seed % 2 )); s=$(( -3 * (seed % 2) )); r=0 ;;",
      "esac",
      "echo \"latency=$(( 100 + 10 * seed + d + shift_by ))\"",
      "echo \"score=$(( 50 + seed + s ))\"",
      "echo \"tokens=$(( 1000 + seed ))\"",
      "for i in 1 2 3 4; do echo \"{\\\"step\\\": $i, \\\"reward\\\": $(( i * seed + r * i ))}\" >> \"$RIGOR_METRICS\"; done",
      "");

  private static final String SPEC = String.join("\n",
      "name: toy",
      "out_root: runs",
      "command: [sh, trial.sh, \"{variant}\", \"{seed}\", \"{shift}\", \"{fail_seed}\"]",
      "params: {shift: 0, fail_seed: 0}",
      "matrix:",
      "  variant: [base, fast, slow]",
      "seeds: [1, 2, 3, 4, 5, 6]",
      "jobs: 4",
      "metrics:",
      "  - regex: {file: stdout, pattern: \"latency=(-?[0-9]+)\", name: latency, type: float}",
      "  - regex: {file: stdout, pattern: \"score=(-?[0-9]+)\", name: score, type: int}",
      "  - regex: {file: stdout, pattern: \"tokens=(-?[0-9]+)\", name: tokens, type: int}",
      "goals: {latency: min, score: max}",
      "report: {control: {variant: base}}",
      "");

  private ToyExperiments() {}

  /** Runs the toy spec in {@code dir} as experiment {@code name}; returns the experiment directory. */
  public static Path run(Path dir, String name, String... set) {
    try {
      Files.writeString(dir.resolve("trial.sh"), TRIAL);
      Files.writeString(dir.resolve("toy.yaml"), SPEC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>(List.of("run", "toy.yaml", "--quiet", "--name", name));
    for (String s : set) {
      args.add("--set");
      args.add(s);
    }
    CliRun run = CliRun.in(dir, args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isIn(0, 1);
    return dir.resolve("runs").resolve(name);
  }

  /** base latency for each seed. */
  public static double[] baseLatency() {
    return map(s -> 100 + 10 * s);
  }

  public static double[] fastLatency() {
    return map(s -> 100 + 10 * s - (s % 3) - 4);
  }

  public static double[] slowLatency() {
    return map(s -> 100 + 10 * s + (s % 2));
  }

  public static double[] baseScore() {
    return map(s -> 50 + s);
  }

  public static double[] fastScore() {
    return map(s -> 50 + s + 2 - (s % 2));
  }

  public static double[] slowScore() {
    return map(s -> 50 + s - 3 * (s % 2));
  }

  private static double[] map(java.util.function.LongUnaryOperator f) {
    double[] out = new double[SEEDS.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsLong((long) SEEDS[i]);
    }
    return out;
  }
}
