package dev.rigor.exec.worker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rigor.exec.ExecutorContext;
import dev.rigor.exec.ExecutorFactory;
import dev.rigor.exec.TrialCommand;
import dev.rigor.exec.TrialSetup;
import dev.rigor.spec.WorkerSpec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The worker program of each kind: the user's ({@code worker}), Rigor's Python worker, or a worker JVM. */
final class WorkerPrograms {

  /** The Python side of the protocol, shipped in the jar and extracted next to the sockets. */
  static final String PYTHON_WORKER = "rigor_worker.py";
  static final String JAVA_CLASS_ENV = "RIGOR_JAVA_CLASS";
  static final String JAVA_CLASSPATH_ENV = "RIGOR_JAVA_CLASSPATH";

  private WorkerPrograms() {}

  static WorkerProgram of(ExecutorContext context, Path files) throws IOException, ExecutorFactory.UnavailableException {
    TrialSetup setup = context.setup();
    WorkerSpec spec = context.spec().worker();
    Path cwd = cwd(setup);
    Map<String, String> env = constantEnv(setup);
    return switch (spec.kind()) {
      case WORKER -> worker(spec, cwd, env);
      case PYTHON -> python(spec, setup, cwd, env, files);
      case JAVA -> java(spec, setup, cwd, env);
    };
  }

  /** A worker serves many trials, so its working directory cannot depend on one: a templated workdir is left out. */
  private static Path cwd(TrialSetup setup) throws ExecutorFactory.UnavailableException {
    Path cwd = setup.workdir() == null || !setup.workdir().isConstant() ? setup.invocationDir()
        : setup.invocationDir().resolve(setup.workdir().render(name -> "")).normalize();
    if (!Files.isDirectory(cwd)) {
      throw new ExecutorFactory.UnavailableException("the working directory " + cwd + " does not exist", "fix 'workdir' in the spec");
    }
    return cwd;
  }

  /** The spec's environment variables that do not depend on a trial (the others reach a trial in its message). */
  private static Map<String, String> constantEnv(TrialSetup setup) {
    Map<String, String> env = new LinkedHashMap<>();
    setup.env().forEach((k, v) -> {
      if (v.isConstant()) {
        env.put(k, v.render(name -> ""));
      }
    });
    env.put("RIGOR_EXPERIMENT", setup.experiment());
    return env;
  }

  private static WorkerProgram worker(WorkerSpec spec, Path cwd, Map<String, String> env) throws ExecutorFactory.UnavailableException {
    List<String> argv = spec.command().stream().map(t -> t.render(name -> "")).toList();
    requireProgram(argv.get(0), cwd, "fix worker.command in the spec");
    return new WorkerProgram(argv, env, cwd);
  }

  private static WorkerProgram python(WorkerSpec spec, TrialSetup setup, Path cwd, Map<String, String> env, Path files)
      throws IOException, ExecutorFactory.UnavailableException {
    requireProgram(spec.interpreter(), cwd, "install Python 3, or set python.interpreter to its path");
    try (InputStream in = WorkerPrograms.class.getResourceAsStream(PYTHON_WORKER)) {
      if (in == null) {
        throw new IOException(PYTHON_WORKER + " is missing from Rigor's jar");
      }
      Files.copy(in, files.resolve(PYTHON_WORKER), StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> pythonPath = new ArrayList<>(List.of(files.toString()));
    for (String p : spec.path()) {
      Path dir = setup.invocationDir().resolve(p).normalize();
      if (!Files.isDirectory(dir)) {
        throw new ExecutorFactory.UnavailableException("python.path entry '" + p + "' is not a directory (" + dir + ")",
            "fix python.path in the spec; relative paths resolve against the directory rigor runs in");
      }
      pythonPath.add(dir.toString());
    }
    String inherited = System.getenv("PYTHONPATH");
    if (inherited != null && !inherited.isEmpty()) {
      pythonPath.add(inherited);
    }
    Map<String, String> all = new LinkedHashMap<>(env);
    all.put("PYTHONPATH", String.join(File.pathSeparator, pythonPath));
    return new WorkerProgram(List.of(spec.interpreter(), "-m", "rigor_worker", spec.function()), all, cwd);
  }

  private static WorkerProgram java(WorkerSpec spec, TrialSetup setup, Path cwd, Map<String, String> env)
      throws ExecutorFactory.UnavailableException {
    List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // An OutOfMemoryError leaves a JVM in no state to run more trials: end the worker, and with it only this run.
    argv.add("-XX:+ExitOnOutOfMemoryError");
    argv.add("-Xshare:auto");
    argv.addAll(spec.jvmArgs());
    argv.addAll(List.of("-cp", workerClasspath(), JavaWorkerMain.class.getName()));
    Map<String, String> all = new LinkedHashMap<>(env);
    all.put(JAVA_CLASS_ENV, spec.javaClass());
    all.put(JAVA_CLASSPATH_ENV, String.join(File.pathSeparator, userClasspath(spec, setup)));
    return new WorkerProgram(argv, all, cwd);
  }

  /** The user's classpath, absolute; refuses entries that do not exist. */
  static List<String> userClasspath(WorkerSpec spec, TrialSetup setup) throws ExecutorFactory.UnavailableException {
    List<String> out = new ArrayList<>();
    for (String entry : spec.classpath()) {
      Path p = setup.invocationDir().resolve(entry).normalize();
      if (!Files.exists(p)) {
        throw new ExecutorFactory.UnavailableException("java.classpath entry '" + entry + "' does not exist (" + p + ")",
            "build the trial's jar first, or fix java.classpath in the spec (relative to the directory rigor runs in)");
      }
      out.add(p.toString());
    }
    return out;
  }

  /** What the worker JVM needs of Rigor: the worker main (Rigor's jar or classes), the API, and Jackson for the protocol. */
  private static String workerClasspath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c : List.of(JavaWorkerMain.class, dev.rigor.api.Trial.class, ObjectMapper.class, JsonFactory.class,
        com.fasterxml.jackson.annotation.JsonProperty.class)) {
      try {
        entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void requireProgram(String program, Path cwd, String fix) throws ExecutorFactory.UnavailableException {
    if (!TrialCommand.executable(program, cwd)) {
      throw new ExecutorFactory.UnavailableException("the worker program '" + program + "' "
          + (program.contains("/") ? "is not an executable file (relative to " + cwd + ")" : "is not on PATH"), fix);
    }
  }
}
