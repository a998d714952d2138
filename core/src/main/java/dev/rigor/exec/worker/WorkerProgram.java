package dev.rigor.exec.worker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How to start one worker process: its argv, extra environment and working directory. */
record WorkerProgram(List<String> argv, Map<String, String> env, Path cwd) {

  WorkerProgram {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
  }
}
