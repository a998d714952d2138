package dev.rigor.exec;

import dev.rigor.plan.Trial;
import dev.rigor.spec.ArgsMode;
import dev.rigor.spec.Template;
import dev.rigor.spec.Values;
import dev.rigor.store.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The concrete argv, environment and working directory of one trial. Values are substituted into
 * an argv list — never a shell string — so a parameter cannot inject commands; with the explicit
 * {@code shell:} opt-in every substituted value is shell-quoted.
 */
public record TrialCommand(List<String> argv, Map<String, String> env, Path cwd) {

  public TrialCommand {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
  }

  public static TrialCommand of(TrialSetup setup, Trial trial, RunDirectory run) {
    Function<String, String> plain = placeholders(trial, run);
    List<String> argv = new ArrayList<>();
    if (setup.shell() != null) {
      StringBuilder line = new StringBuilder(setup.shell().render(name -> ShellQuote.quote(plain.apply(name))));
      for (String extra : appended(setup, trial)) {
        line.append(' ').append(ShellQuote.quote(extra));
      }
      argv.addAll(List.of("/bin/sh", "-c", line.toString()));
    } else {
      for (Template part : setup.command()) {
        argv.add(part.render(plain));
      }
      argv.addAll(appended(setup, trial));
    }
    Map<String, String> env = new LinkedHashMap<>();
    setup.env().forEach((k, v) -> env.put(k, v.render(plain)));
    env.put("RIGOR_RUN_ID", trial.runId());
    env.put("RIGOR_RUN_DIR", run.root().toString());
    env.put("RIGOR_OUT", run.out().toString());
    if (trial.seed() != null) {
      env.put("RIGOR_SEED", trial.seed().toString());
    }
    env.put("RIGOR_PARAMS", run.params().toString());
    env.put("RIGOR_METRICS", run.metricsStream().toString());
    env.put("RIGOR_EXPERIMENT", setup.experiment());
    Path cwd = setup.workdir() == null ? setup.invocationDir() : setup.invocationDir().resolve(setup.workdir().render(plain)).normalize();
    return new TrialCommand(argv, env, cwd);
  }

  /** The values of every placeholder a template may use in this trial. */
  public static Function<String, String> placeholders(Trial trial, RunDirectory run) {
    Map<String, String> values = new HashMap<>();
    trial.variation().params().forEach((k, v) -> values.put(k, Values.text(v)));
    if (trial.seed() != null) {
      values.put("seed", trial.seed().toString());
    }
    values.put("replicate", Integer.toString(trial.replicate()));
    values.put("ablation", trial.variation().ablation().name());
    values.put("run_id", trial.runId());
    values.put("run_dir", run.root().toString());
    values.put("out", run.out().toString());
    return values::get;
  }

  /** {@code args: flags}: every param as {@code --name value} (booleans bare when true), the seed, then ablation flags. */
  private static List<String> appended(TrialSetup setup, Trial trial) {
    List<String> out = new ArrayList<>();
    if (setup.args() == ArgsMode.FLAGS) {
      for (Map.Entry<String, Object> p : trial.variation().params().entrySet()) {
        if (p.getValue() instanceof Boolean b) {
          if (b) {
            out.add("--" + p.getKey());
          }
        } else {
          out.add("--" + p.getKey());
          out.add(Values.text(p.getValue()));
        }
      }
      if (setup.passSeed() && trial.seed() != null) {
        out.add("--seed");
        out.add(trial.seed().toString());
      }
    }
    out.addAll(trial.variation().ablation().flags());
    return out;
  }

  /** Whether {@code program} can be started: an executable file (relative to {@code cwd}) when it has a '/', else found on PATH. */
  public static boolean executable(String program, Path cwd) {
    if (program.contains("/")) {
      Path p = cwd.resolve(program);
      return java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.isExecutable(p);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
      if (java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.isExecutable(p)) {
        return true;
      }
    }
    return false;
  }
}
