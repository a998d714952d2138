package dev.rigor.spec;

import java.time.Duration;
import java.util.List;

/**
 * A trial kind whose trials run as function calls in a long-lived process instead of a process each
 * (DESIGN.md §7): {@code worker} (any program speaking {@code rigor.worker/1}), {@code python} (a
 * function, through the worker Rigor ships) or {@code java} (a {@code dev.rigor.api.Trial} class).
 *
 * @param command the worker program ({@code worker} only; empty otherwise)
 * @param function {@code module:function} ({@code python} only)
 * @param path directories put on {@code PYTHONPATH} ({@code python} only), relative to where rigor runs
 * @param interpreter the Python interpreter ({@code python} only)
 * @param javaClass the class implementing {@code dev.rigor.api.Trial} ({@code java} only)
 * @param classpath jars and class directories of the trial ({@code java} only), relative to where rigor runs
 * @param isolation where a Java trial runs ({@code java} only)
 * @param jvmArgs options of the worker JVM ({@code java} with {@code isolation: worker} only)
 * @param maxTrials a worker is replaced after this many trials ({@code 0}: never)
 * @param startupTimeout how long a new worker has to say hello
 */
public record WorkerSpec(
    Kind kind,
    List<Template> command,
    String function,
    List<String> path,
    String interpreter,
    String javaClass,
    List<String> classpath,
    Isolation isolation,
    List<String> jvmArgs,
    int maxTrials,
    Duration startupTimeout) {

  /** The spec keys of these kinds, as written. */
  public enum Kind {
    WORKER("worker"),
    PYTHON("python"),
    JAVA("java");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** Where a {@code java} trial runs: a worker JVM per job slot, or a thread of Rigor's own JVM. */
  public enum Isolation {
    WORKER,
    COORDINATOR
  }

  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

  public WorkerSpec {
    command = List.copyOf(command);
    path = List.copyOf(path);
    classpath = List.copyOf(classpath);
    jvmArgs = List.copyOf(jvmArgs);
    if (maxTrials < 0) {
      throw new IllegalArgumentException("max_trials >= 0");
    }
  }
}
