package dev.rigor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code transcript.json} of an interactive session (schema {@value #SCHEMA}, docs/FORMATS.md):
 * every turn with what was sent and received (raw, and clean: escape sequences removed, line ends
 * normalised, the terminal's echo of the input dropped), when, which reactor matched and what it did;
 * how the session ended; each verification. Written once the session has ended. While it runs, each
 * finished turn is appended as a JSON line to {@value #LIVE} (after a first line with the run's
 * {@code max_turns}), so that {@code rigor status} and a crashed run show how far it got: appending
 * costs no rename, which ext4 follows with a data flush (tens of milliseconds a turn, measured).
 *
 * @param startTimeUnixS when the program was started; turn times are seconds since then
 * @param opening what the program printed before the initial prompt was sent ({@code null} without an initial prompt)
 * @param end how the session ended: end, fail, max_turns, turn_timeout, timeout, exited, interrupted, cancelled, error; {@code null} while it runs
 * @param endDetail why (a fail reason, the timeout, an error)
 * @param exitCode the program's exit code when it exited by itself
 * @param verified whether every verification passed; {@code null} when verification did not run (the session did not end by {@code end})
 */
public record Transcript(
    String schema,
    String runId,
    List<String> command,
    String cwd,
    Integer maxTurns,
    Double startTimeUnixS,
    Opening opening,
    List<Turn> turns,
    String end,
    String endDetail,
    Integer exitCode,
    Double endTimeUnixS,
    List<Verification> verifications,
    Boolean verified) {

  public static final String SCHEMA = "rigor.transcript/1";
  public static final String FILE = "transcript.json";
  public static final String LIVE = "transcript.live.jsonl";

  public Transcript {
    command = command == null ? List.of() : List.copyOf(command);
    turns = turns == null ? List.of() : List.copyOf(turns);
    verifications = verifications == null ? List.of() : List.copyOf(verifications);
  }

  /** The program's output before the initial prompt. */
  public record Opening(String received, String receivedRaw, double endS, String waited) {}

  /**
   * One turn: an input (none for the first turn when the program speaks first), the output until the
   * program was ready again, and the reaction to it.
   *
   * @param sentBy initial_prompt, reactor, default or program ({@code null} when nothing was sent)
   * @param waited how the wait for output ended: ready, exited, turn_timeout, timeout, interrupted
   * @param reactor the index of the reactor that matched, or {@code null} (the default acted, or none)
   * @param when the matching reactor's pattern
   * @param action what was done: {@code {"type": "send", "text": …}}, end, fail (with reason), program (with its reply); {@code null} when the session stopped first
   */
  public record Turn(int n, String sent, String sentBy, String received, String receivedRaw, double startS, double endS,
      String waited, Integer reactor, String when, Map<String, Object> action) {}

  /** One verification and its outcome. */
  public record Verification(String kind, String target, String expectation, boolean passed, String detail) {}

  public static Path of(RunDirectory run) {
    return run.root().resolve(FILE);
  }

  public void write(RunDirectory run) throws IOException {
    AtomicFiles.write(of(run), StoreJson.bytes(this));
  }

  /** How far a running session got: turns finished, its max_turns, and the last turn ({@code null} before the first). */
  public record Progress(int turns, Integer maxTurns, Turn last) {}

  /** Appends the first line of a session's live file (its max_turns). */
  public static void startLive(RunDirectory run, int maxTurns) throws IOException {
    Files.write(run.root().resolve(LIVE), (StoreJson.compact(Map.of("max_turns", maxTurns)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Appends a finished turn to the live file. */
  public static void appendLive(RunDirectory run, Turn turn) throws IOException {
    Files.write(run.root().resolve(LIVE), (StoreJson.compact(turn) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** The progress of a running session from its live file, or {@code null} when it has none. */
  public static Progress progress(RunDirectory run) {
    Path file = run.root().resolve(LIVE);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(file);
      Integer max = null;
      Turn last = null;
      int turns = 0;
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        if (max == null && line.contains("\"max_turns\"") && !line.contains("\"received\"")) {
          Object m = StoreJson.read(line, Map.class).get("max_turns");
          max = m instanceof Number n ? n.intValue() : null;
          continue;
        }
        try {
          last = StoreJson.read(line, Turn.class);
          turns++;
        } catch (IOException partial) {
          break; // a line being written
        }
      }
      return new Progress(turns, max, last);
    } catch (IOException e) {
      return null;
    }
  }

  /** The transcript of a run, or {@code null} when it has none (not a session) or it cannot be read. */
  public static Transcript read(RunDirectory run) {
    Path file = of(run);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return StoreJson.read(file, Transcript.class);
    } catch (IOException e) {
      return null;
    }
  }
}
