package dev.rigor.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code session:} trial kind (DESIGN.md §7): an interactive program driven turn by turn through
 * a pseudo-terminal.
 *
 * @param command the program's argv template
 * @param initialPrompt sent once the program is first ready, or {@code null} (the program speaks first)
 * @param ready when the program waits for input
 * @param reactors tried in order on the output since the last input; the first match acts
 * @param defaultAction when no reactor matches
 * @param maxTurns turns before the session ends {@code max_turns} (a failure)
 * @param turnTimeout the longest wait for the program to become ready after an input
 * @param freshWorkdir an empty {@code work/} in the run directory is the program's working directory
 * @param workdir the program's working directory when not fresh ({@code null}: as a process trial)
 */
public record SessionSpec(
    List<Template> command,
    Template initialPrompt,
    Ready ready,
    List<Reactor> reactors,
    Action defaultAction,
    int maxTurns,
    Duration turnTimeout,
    boolean freshWorkdir,
    Template workdir) {

  public static final Duration DEFAULT_IDLE = Duration.ofMillis(500);
  public static final Duration DEFAULT_TURN_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_TURNS = 20;

  public SessionSpec {
    command = List.copyOf(command);
    reactors = List.copyOf(reactors);
    Objects.requireNonNull(ready, "ready");
    Objects.requireNonNull(defaultAction, "defaultAction");
    if (command.isEmpty() || maxTurns < 1) {
      throw new IllegalArgumentException("a session has a command and max_turns >= 1");
    }
  }

  /** The program waits for input: its output since the last input matches {@code regex}, or it has been silent for {@code idle}. */
  public record Ready(Pattern regex, Duration idle) {
    public Ready {
      if ((regex == null) == (idle == null)) {
        throw new IllegalArgumentException("exactly one of regex and idle");
      }
    }
  }

  /** A rule: when the output since the last input matches {@code when}, {@code action} acts. */
  public record Reactor(Pattern when, Action action) {}

  /** What a reactor (or the default) does. */
  public sealed interface Action {
    /** The action's name in the transcript: send, end, fail, program. */
    String type();
  }

  /** Types {@code text} and Enter. */
  public record Send(Template text) implements Action {
    @Override
    public String type() {
      return "send";
    }
  }

  /** Ends the session; verification follows. */
  public record End() implements Action {
    @Override
    public String type() {
      return "end";
    }
  }

  /** Ends the session as failed. */
  public record Fail(String reason) implements Action {
    @Override
    public String type() {
      return "fail";
    }
  }

  /** Runs {@code argv} with the transcript as JSON on its stdin and sends what it prints. */
  public record Program(List<Template> argv) implements Action {
    public Program {
      argv = List.copyOf(argv);
    }

    @Override
    public String type() {
      return "program";
    }
  }
}
