package dev.rigor.exec.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SLURM job states as Rigor reads them: one {@code squeue} line per array task
 * ({@code 123_4|RUNNING|None|node7}), and the accounting of tasks that {@code squeue} no longer
 * shows ({@code sacct}, or the jobcomp file where accounting is off).
 */
public final class SlurmStates {

  /** The state of one array task ({@code job} is {@code ARRAYID_INDEX}). */
  public record Task(String job, String state, String reason, String node, Integer exitCode) {

    /** Whether SLURM is done with the task (its processes are gone). */
    public boolean terminal() {
      return TERMINAL.contains(state);
    }
  }

  /** States after which a job no longer runs; COMPLETING is not one: its processes are still being stopped. */
  static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL",
      "PREEMPTED", "BOOT_FAIL", "DEADLINE", "REVOKED", "SPECIAL_EXIT");

  /** squeue's output format matching {@link #parseSqueue}. */
  static final String SQUEUE_FORMAT = "%i|%T|%r|%N";

  private SlurmStates() {}

  static Map<String, Task> parseSqueue(String out) {
    Map<String, Task> tasks = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.strip().split("\\|", -1);
      if (f.length >= 2 && !f[0].isEmpty()) {
        tasks.put(f[0], new Task(f[0], baseState(f[1]), f.length > 2 ? f[2] : "", f.length > 3 ? f[3] : "", null));
      }
    }
    return tasks;
  }

  /** {@code sacct -n -P -X -o JobID,State,ExitCode,NodeList}: {@code 123_4|CANCELLED by 0|0:15|node7}. */
  static Map<String, Task> parseSacct(String out) {
    Map<String, Task> tasks = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.strip().split("\\|", -1);
      if (f.length >= 3 && !f[0].isEmpty()) {
        tasks.put(f[0], new Task(f[0], baseState(f[1]), "", f.length > 3 ? f[3] : "", exitCode(f[2])));
      }
    }
    return tasks;
  }

  /** The jobcomp file ({@code jobcomp/filetxt}): one {@code key=value} line per finished job. */
  static Map<String, Task> readJobComp(Path file, Set<String> arrayIds) throws IOException {
    Map<String, Task> tasks = new HashMap<>();
    if (file == null || !Files.isReadable(file)) {
      return tasks;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Map<String, String> kv = new HashMap<>();
      for (String token : line.split(" ")) {
        int eq = token.indexOf('=');
        if (eq > 0) {
          kv.put(token.substring(0, eq), token.substring(eq + 1));
        }
      }
      String array = kv.get("ArrayJobId");
      String index = kv.get("ArrayTaskId");
      if (array == null || !arrayIds.contains(array)) {
        continue;
      }
      // a task that ran has its index; the tasks that never started end together under the array's id
      String id = index != null && index.matches("[0-9]+") ? array + "_" + index : array;
      tasks.put(id, new Task(id, baseState(kv.getOrDefault("JobState", "")), "", kv.getOrDefault("NodeList", ""), exitCode(kv.get("ExitCode"))));
    }
    return tasks;
  }

  /** {@code CANCELLED by 0} → {@code CANCELLED}; {@code CANCELLED+} → {@code CANCELLED}. */
  static String baseState(String s) {
    String t = s.strip();
    int space = t.indexOf(' ');
    if (space > 0) {
      t = t.substring(0, space);
    }
    return t.endsWith("+") ? t.substring(0, t.length() - 1) : t;
  }

  /** {@code 3:0} → 3; a signal ({@code 0:9}) → 128 + 9. */
  static Integer exitCode(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String[] p = text.split(":");
    try {
      int code = Integer.parseInt(p[0]);
      int signal = p.length > 1 ? Integer.parseInt(p[1]) : 0;
      return signal != 0 ? 128 + signal : code;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The array job id of a task id ({@code 123_4} → {@code 123}). */
  static String arrayId(String job) {
    int u = job.indexOf('_');
    return u < 0 ? job : job.substring(0, u);
  }

  /**
   * The states of {@code jobs} (task ids) in one {@code squeue} call, for {@code rigor status};
   * tasks SLURM no longer shows are absent.
   */
  public static Map<String, Task> query(List<String> jobs) throws IOException {
    if (jobs.isEmpty() || SlurmCommands.which("squeue") == null) {
      return Map.of();
    }
    String arrays = String.join(",", jobs.stream().map(SlurmStates::arrayId).distinct().toList());
    SlurmCommands.Output o = new SlurmCommands().run(List.of("squeue", "-h", "-r", "--states=all", "-j", arrays, "-o", SQUEUE_FORMAT));
    return ofTasks(parseSqueue(o.out()), jobs);
  }

  /**
   * The state of each of {@code jobs} in squeue's answer; a task that never started and ended (was
   * cancelled) is shown by SLURM under its array's id, which then answers for it.
   */
  static Map<String, Task> ofTasks(Map<String, Task> shown, List<String> jobs) {
    Map<String, Task> out = new HashMap<>();
    for (String job : jobs) {
      Task t = shown.get(job);
      if (t == null) {
        Task array = shown.get(arrayId(job));
        t = array != null && array.terminal() ? array : null;
      }
      if (t != null) {
        out.put(job, t);
      }
    }
    return out;
  }
}
