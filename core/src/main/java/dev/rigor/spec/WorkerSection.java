package dev.rigor.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code worker:}, {@code python:} and {@code java:} trial kinds (DESIGN.md §7). */
final class WorkerSection {

  private static final List<String> POOL_KEYS = List.of("max_trials", "startup_timeout");

  private final NodeReader r;

  WorkerSection(NodeReader r) {
    this.r = r;
  }

  WorkerSpec read(WorkerSpec.Kind kind, SpecNode node) {
    return switch (kind) {
      case WORKER -> worker(node);
      case PYTHON -> python(node);
      case JAVA -> java(node);
    };
  }

  private WorkerSpec worker(SpecNode node) {
    SpecNode.MapNode m = r.map(node, "worker", "worker: {command: [python3, sim_worker.py]}");
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "worker", keys("command"));
    List<Template> command = new ArrayList<>();
    if (!m.has("command")) {
      r.error(m.position(), "'worker' has no 'command'", "add e.g. command: [python3, sim_worker.py]");
    } else {
      List<SpecNode> items = r.list(m.get("command"), "worker.command", "command: [python3, sim_worker.py]");
      if (items != null && items.isEmpty()) {
        r.error(m.get("command").position(), "'worker.command' is empty", "give the program and its arguments, e.g. [python3, sim_worker.py]");
      }
      for (SpecNode item : items == null ? List.<SpecNode>of() : items) {
        Template t = r.template(item, "worker.command[]", "command: [python3, sim_worker.py]");
        if (t != null) {
          if (!t.isConstant()) {
            r.error(item.position(), "'worker.command' cannot use placeholders (one worker runs many trials)",
                "remove {…}; a worker reads each trial's params from its trial message");
          }
          command.add(t);
        }
      }
    }
    return new WorkerSpec(WorkerSpec.Kind.WORKER, command, null, List.of(), null, null, List.of(), null, List.of(),
        maxTrials(m), startupTimeout(m));
  }

  private WorkerSpec python(SpecNode node) {
    SpecNode.MapNode m = r.map(node, "python", "python: {function: \"mysim.bench:run\", path: [src]}");
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "python", keys("function", "path", "interpreter"));
    String function = null;
    if (!m.has("function")) {
      r.error(m.position(), "'python' has no 'function'", "add e.g. function: \"mysim.bench:run\" (module:function)");
    } else {
      function = r.string(m.get("function"), "python.function", "function: \"mysim.bench:run\"");
      if (function != null && !function.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*")) {
        r.error(m.get("function").position(), "'python.function' must be module:function, not \"" + function + "\"",
            "write e.g. function: \"mysim.bench:run\"");
        function = null;
      }
    }
    List<String> path = strings(m, "path", "python.path", "path: [src]");
    String interpreter = m.has("interpreter") ? r.string(m.get("interpreter"), "python.interpreter", "interpreter: python3") : "python3";
    return new WorkerSpec(WorkerSpec.Kind.PYTHON, List.of(), function, path, interpreter == null ? "python3" : interpreter,
        null, List.of(), null, List.of(), maxTrials(m), startupTimeout(m));
  }

  private WorkerSpec java(SpecNode node) {
    SpecNode.MapNode m = r.map(node, "java", "java: {class: com.acme.Sim, classpath: [build/sim.jar]}");
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "java", keys("class", "classpath", "isolation", "jvm_args"));
    String javaClass = null;
    if (!m.has("class")) {
      r.error(m.position(), "'java' has no 'class'", "add e.g. class: com.acme.Sim (a class implementing dev.rigor.api.Trial)");
    } else {
      javaClass = r.string(m.get("class"), "java.class", "class: com.acme.Sim");
      if (javaClass != null && !javaClass.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
        r.error(m.get("class").position(), "'java.class' is not a class name: \"" + javaClass + "\"", "write e.g. class: com.acme.Sim");
        javaClass = null;
      }
    }
    List<String> classpath = strings(m, "classpath", "java.classpath", "classpath: [build/sim.jar]");
    if (m.has("class") && classpath.isEmpty()) {
      r.error(m.has("classpath") ? m.get("classpath").position() : m.position(), "'java' needs a 'classpath'",
          "add e.g. classpath: [target/sim.jar] (jars or class directories, relative to where rigor runs)");
    }
    WorkerSpec.Isolation isolation = m.has("isolation") ? r.choice(m.get("isolation"), "java.isolation", WorkerSpec.Isolation.class)
        : WorkerSpec.Isolation.WORKER;
    List<String> jvmArgs = strings(m, "jvm_args", "java.jvm_args", "jvm_args: [-Xmx2g]");
    if (isolation == WorkerSpec.Isolation.COORDINATOR && !jvmArgs.isEmpty()) {
      r.error(m.get("jvm_args").position(), "'java.jvm_args' has no effect with isolation: coordinator (the trial runs in Rigor's JVM)",
          "remove jvm_args, or use isolation: worker");
    }
    return new WorkerSpec(WorkerSpec.Kind.JAVA, List.of(), null, List.of(), null, javaClass, classpath,
        isolation == null ? WorkerSpec.Isolation.WORKER : isolation, jvmArgs, maxTrials(m), startupTimeout(m));
  }

  private static List<String> keys(String... own) {
    List<String> keys = new ArrayList<>(List.of(own));
    keys.addAll(POOL_KEYS);
    return keys;
  }

  private List<String> strings(SpecNode.MapNode m, String key, String what, String example) {
    List<String> out = new ArrayList<>();
    if (!m.has(key)) {
      return out;
    }
    List<SpecNode> items = r.list(m.get(key), what, example);
    for (SpecNode item : items == null ? List.<SpecNode>of() : items) {
      String s = r.string(item, what + "[]", example);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private int maxTrials(SpecNode.MapNode m) {
    if (!m.has("max_trials")) {
      return 0;
    }
    Long n = r.integer(m.get("max_trials"), "max_trials", 1, "max_trials: 1000");
    return n == null ? 0 : (int) Math.min(Integer.MAX_VALUE, n);
  }

  private Duration startupTimeout(SpecNode.MapNode m) {
    if (!m.has("startup_timeout")) {
      return WorkerSpec.DEFAULT_STARTUP_TIMEOUT;
    }
    SpecNode node = m.get("startup_timeout");
    String text = node instanceof SpecNode.ScalarNode s && s.value() instanceof Long l ? l + "s"
        : r.string(node, "startup_timeout", "startup_timeout: 60s");
    if (text == null) {
      return WorkerSpec.DEFAULT_STARTUP_TIMEOUT;
    }
    try {
      Duration d = Quantities.duration(text);
      if (!d.isZero()) {
        return d;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    r.error(node.position(), "'startup_timeout' is not a positive duration: \"" + text + "\"", "write e.g. 60s or 2m");
    return WorkerSpec.DEFAULT_STARTUP_TIMEOUT;
  }
}
