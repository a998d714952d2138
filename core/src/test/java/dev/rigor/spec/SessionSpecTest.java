package dev.rigor.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code session:} and {@code verify:} as DESIGN.md §7 writes them, and their errors (all at once, with positions and fixes). */
class SessionSpecTest {

  private static Spec parse(String yaml) throws SpecException {
    return SpecLoader.parse("spec.yaml", yaml, List.of()).spec();
  }

  private static List<String> errors(String yaml) {
    try {
      parse(yaml);
      throw new AssertionError("expected errors");
    } catch (SpecException e) {
      return e.errors().stream().map(err -> err.message()).toList();
    }
  }

  @Test
  void readsTheDesignExample() throws Exception {
    Spec s = parse("""
        name: agents
        matrix: {model: [a, b]}
        session:
          command: [python3, agent.py, --model, "{model}"]
          initial_prompt: "create hello.txt containing hi"
          ready: {regex: "agent> $"}
          reactors:
            - {when: "(?i)overwrite\\\\?", send: "yes"}
            - {when: "DONE", end: true}
            - {when: "(?i)traceback", fail: "agent crashed"}
            - {when: "(?i)which file", program: [python3, reply.py]}
          default: {send: "continue"}
          max_turns: 10
          turn_timeout: 60s
          workdir: fresh
        verify:
          files: [{path: hello.txt, exists: true, contains: "hi", equals: "hi\\n", matches: "^h"}]
          command: [python3, check.py, "{workdir}"]
        """);
    SessionSpec session = s.session();
    assertThat(s.command()).isEmpty();
    assertThat(session.command()).extracting(Template::raw).containsExactly("python3", "agent.py", "--model", "{model}");
    assertThat(session.ready().regex().pattern()).isEqualTo("agent> $");
    assertThat(session.reactors()).extracting(r -> r.action().type()).containsExactly("send", "end", "fail", "program");
    assertThat(session.defaultAction()).isEqualTo(new SessionSpec.Send(Template.parse("continue")));
    assertThat(session.maxTurns()).isEqualTo(10);
    assertThat(session.turnTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(session.freshWorkdir()).isTrue();
    assertThat(s.verify().files().get(0).equals().raw()).isEqualTo("hi\n");
    assertThat(SpecJson.definition(s)).containsKeys("session", "verify");
  }

  @Test
  void everyMistakeIsReportedWithAFix() {
    List<String> errors = errors("""
        name: agents
        command: [python3, x.py]
        session:
          comand: [python3, agent.py]
          ready: {regex: "(unclosed", idle: 1s}
          reactors:
            - {when: "x", send: "a", end: true}
            - {send: "b"}
          turn_timeout: soon
          max_turns: 0
          initial_prompt: "{modle}"
        verify:
          files: [{path: a.txt, exists: false, contains: "x"}]
        success: {exit_code: 0}
        """);
    assertThat(errors).anyMatch(e -> e.contains("the spec gives both 'command' and 'session'"))
        .anyMatch(e -> e.contains("unknown key 'comand' in session"))
        .anyMatch(e -> e.contains("the session has no 'command'"))
        .anyMatch(e -> e.contains("'session.ready' needs exactly one of 'regex' and 'idle'"))
        .anyMatch(e -> e.contains("needs exactly one action of send, end, fail, program (has send, end)"))
        .anyMatch(e -> e.contains("a reactor has no 'when'"))
        .anyMatch(e -> e.contains("'session.turn_timeout' is not a positive duration"))
        .anyMatch(e -> e.contains("'session.max_turns' must be at least 1"))
        .anyMatch(e -> e.contains("unknown placeholder '{modle}' in session.initial_prompt"))
        .anyMatch(e -> e.contains("a file that must not exist cannot have content checks"))
        .anyMatch(e -> e.contains("'success' does not apply to a session"));
  }

  @Test
  void aBadPatternAndVerifyWithoutASessionAreErrors() {
    assertThat(errors("""
        name: x
        session: {command: [sh], reactors: [{when: "(", end: true}]}
        """)).anyMatch(e -> e.contains("'reactors[].when' is not a regular expression"));
    assertThat(errors("""
        name: x
        command: [sh]
        verify: {command: [true]}
        """)).anyMatch(e -> e.contains("'verify' applies only to a 'session' trial"));
  }
}
