package dev.rigor.cli;

import dev.rigor.spec.SpecException;
import dev.rigor.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** How a command names a spec and overrides it; seed-004 spellings are accepted (hidden). */
final class SpecOptions {

  @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "The experiment spec (YAML or JSON; seed-004 sweep JSON accepted).")
  Path spec;

  @Option(names = "--config", hidden = true, paramLabel = "SPEC", description = "Same as SPEC (seed-004 spelling).")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a spec value before validation: jobs=4, params.pdfs=20, limits.memory=2g; a bare axis name pins"
          + " that axis (policy=full), any other bare name sets a param. Repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--name", paramLabel = "NAME", description = "Experiment name (default: the spec's name).")
  String name;

  @Option(names = "--exp_name", hidden = true)
  void expName(String value) {
    name = value;
  }

  @Option(names = "--out-root", paramLabel = "DIR", description = "Where experiment directories go (default: the spec's out_root, else runs).")
  String outRoot;

  @Option(names = "--out_root", hidden = true)
  void outRootAlias(String value) {
    outRoot = value;
  }

  Path path() throws UsageException {
    if (spec != null && config != null && !spec.equals(config)) {
      throw new UsageException("give the spec once (SPEC or --config), not both");
    }
    Path p = spec != null ? spec : config;
    if (p == null) {
      throw new UsageException("no spec given: rigor <command> SPEC (e.g. examples/sched/smoke.yaml)");
    }
    return p;
  }

  /** Every override as --set assignments: the explicit ones, then --name and --out-root. */
  List<String> overrides() {
    List<String> all = new ArrayList<>(sets);
    if (name != null) {
      all.add("name=" + name);
    }
    if (outRoot != null) {
      all.add("out_root=" + outRoot);
    }
    return all;
  }

  SpecLoader.Loaded load(Context context) throws UsageException, SpecException {
    Path p = path();
    Path absolute = context.resolve(p);
    return SpecLoader.load(absolute, p.toString(), overrides());
  }
}
