package dev.rigor.exec.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.RunStatus;
import dev.rigor.store.StoreJson;
import dev.rigor.store.Transcript;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import dev.rigor.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions driven through a real pseudo-terminal against a deterministic program
 * (src/test/resources/sessions/chat.py): never an agent's behaviour (seed 003's rule).
 */
class SessionIT {

  static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  static final Path CHAT = CliRun.repo().resolve("core/src/test/resources/sessions/chat.py");
  static final Path REPLY = CliRun.repo().resolve("core/src/test/resources/sessions/reply.py");

  @TempDir Path tmp;
  final String marker = Processes.marker();

  @AfterEach
  void cleanUp() {
    Processes.killAll(marker);
  }

  /** A session spec around chat.py; {@code body} adds the session's other keys (indented two spaces) and top-level keys. */
  static String spec(String name, String marker, String session, String topLevel) {
    return """
        name: %s
        session:
          command: [%s, %s, "%s"]
          ready: {regex: "(chat> |\\\\(y/n\\\\) |line: )$"}
          workdir: fresh
        %s
        %s
        """.formatted(name, PYTHON, CHAT, marker, (session.contains("turn_timeout") ? session : session + "\nturn_timeout: 10s")
        .indent(2).stripTrailing(), topLevel);
  }

  record Outcome(CliRun cli, RunMeta meta, RunMetrics metrics, Transcript transcript, RunDirectory run) {}

  Outcome run(String name, String session, String topLevel) throws IOException {
    Experiments.spec(tmp, name + ".yaml", spec(name, marker, session, topLevel));
    CliRun cli = CliRun.in(tmp, "run", name + ".yaml", "--quiet");
    ExperimentDirectory dir = Experiments.dir(tmp, name);
    RunDirectory run = dir.runDirectories().get(0);
    return new Outcome(cli, run.readMeta(), run.readMetrics(), Transcript.read(run), run);
  }

  @Test
  void aSessionEndedByEndAndVerifiedIsOkWithAFullTranscript() throws IOException {
    Outcome o = run("ok", """
        initial_prompt: ask
        reactors:
          - {when: "(?i)overwrite\\\\?", send: "yes"}
          - {when: "wrote answer", send: "done"}
          - {when: "^DONE", end: true}
        max_turns: 5
        """, """
        verify:
          files: [{path: answer.txt, exists: true, contains: "yes", equals: "yes\\n", matches: "^y"}, {path: other.txt, exists: false}]
          command: [sh, -c, 'grep -q yes "$1/answer.txt"', check, "{workdir}"]
        """);
    assertThat(o.cli().exitCode()).as(o.cli().toString()).isZero();
    assertThat(o.meta().status()).isEqualTo(RunStatus.OK);
    assertThat(o.metrics().values()).containsEntry("session_end", "end").containsEntry("turns", 3L).containsEntry("verified", true);
    Transcript t = o.transcript();
    assertThat(t.schema()).isEqualTo("rigor.transcript/1");
    assertThat(t.opening().received()).isEqualTo("chat ready\nchat> ");
    assertThat(t.turns()).extracting(Transcript.Turn::sent).containsExactly("ask", "yes", "done");
    assertThat(t.turns()).extracting(Transcript.Turn::sentBy).containsExactly("initial_prompt", "reactor", "reactor");
    assertThat(t.turns().get(0).received()).as("the echo of the input is not part of the clean text").isEqualTo("overwrite? (y/n) ");
    assertThat(t.turns().get(0).receivedRaw()).isEqualTo("ask\r\noverwrite? (y/n) ");
    assertThat(t.turns()).extracting(Transcript.Turn::reactor).containsExactly(0, 1, 2);
    assertThat(t.turns().get(2).action()).containsEntry("type", "end");
    assertThat(t.end()).isEqualTo("end");
    assertThat(t.verifications()).hasSize(6).allSatisfy(v -> assertThat(v.passed()).as(v.toString()).isTrue());
    assertThat(t.verified()).isTrue();
    assertThat(Files.readString(o.run().root().resolve("work/answer.txt"))).isEqualTo("yes\n");
    assertThat(Files.readString(o.run().stdout())).contains("overwrite? (y/n) yes");
  }

  @Test
  void aFailedVerificationFailsTheRunAndSaysWhich() throws IOException {
    Outcome o = run("unverified", """
        initial_prompt: ask
        reactors:
          - {when: "overwrite", send: "no"}
          - {when: "wrote", end: true}
        """, """
        verify:
          files: [{path: answer.txt, contains: "yes"}]
          command: [sh, -c, 'echo checked; exit 3']
        """);
    assertThat(o.cli().exitCode()).isEqualTo(1);
    assertThat(o.meta().status()).isEqualTo(RunStatus.FAILED);
    assertThat(o.meta().error()).contains("verification failed").contains("answer.txt contains \"yes\"").contains("exit 3");
    assertThat(o.metrics().values()).containsEntry("session_end", "end").containsEntry("verified", false);
    assertThat(o.transcript().verifications()).extracting(Transcript.Verification::passed).containsExactly(true, false, false);
    assertThat(o.transcript().verifications().get(2).detail()).isEqualTo("exit 3: checked");
  }

  @Test
  void aFailReactorEndsFail() throws IOException {
    endsWith("fail", "initial_prompt: 'echo Traceback (boom)'\nreactors: [{when: '(?i)traceback', fail: 'agent crashed'}]",
        "the session failed: agent crashed");
  }

  @Test
  void sendingPastMaxTurnsEndsMaxTurns() throws IOException {
    endsWith("max_turns", "initial_prompt: 'echo again'\ndefault: {send: 'echo again'}\nmax_turns: 3", "max_turns (3) reached");
  }

  @Test
  void aProgramThatExitsMidSessionEndsExited() throws IOException {
    endsWith("exited", "initial_prompt: 'exit 4'\ndefault: {send: 'echo never'}", "the program exited with code 4 at turn 1");
  }

  @Test
  void aProgramThatStopsAnsweringEndsTurnTimeout() throws IOException {
    endsWith("turn_timeout", "initial_prompt: hang\nturn_timeout: 1s", "not ready within turn_timeout 1s at turn 1");
  }

  private void endsWith(String end, String session, String error) throws IOException {
    Outcome o = run("end-" + end.replace('_', '-'), session, "kill_grace: 1s");
    assertThat(o.meta().status()).as(o.cli().toString()).isEqualTo(RunStatus.FAILED);
    assertThat(o.meta().error()).contains(error);
    assertThat(o.metrics().values()).containsEntry("session_end", end).containsEntry("verified", false);
    assertThat(o.transcript().end()).isEqualTo(end);
    assertThat(o.transcript().verifications()).as("verification runs only after end").isEmpty();
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).as("nothing of the session survives").isEmpty();
  }

  @Test
  void theRunTimeoutStopsTheSession() throws IOException {
    Outcome o = run("runtimeout", "initial_prompt: hang\nturn_timeout: 60s", "timeout: 1s\nkill_grace: 1s");
    assertThat(o.meta().status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(o.metrics().values()).containsEntry("session_end", "timeout");
    assertThat(o.meta().wallTimeS()).isLessThan(30);
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void aHungProgramIsStoppedWithItsWholeTreeAtTheTurnTimeout() throws IOException {
    // chat.py ignores SIGTERM after 'hang' and its grandchild ignores SIGTERM and SIGHUP: only the tree kill ends them
    Outcome o = run("hung", "initial_prompt: hang\nturn_timeout: 1s", "kill_grace: 1s");
    assertThat(o.metrics().values()).containsEntry("session_end", "turn_timeout");
    assertThat(o.transcript().turns().get(0).received()).isEqualTo("thinking\n");
    assertThat(Processes.withMarker(marker)).as("no process of the tree survives").isEmpty();
  }

  @Test
  void aProgramThatExitsBeforeTheFirstPromptEndsExitedWithItsOutput() throws IOException {
    Experiments.spec(tmp, "early.yaml", """
        name: early
        session:
          command: [sh, -c, 'printf "starting\\nfatal: no config\\n"; exit 2', "%s"]
          initial_prompt: hello
          ready: {regex: "> $"}
        """.formatted(marker));
    CliRun cli = CliRun.in(tmp, "run", "early.yaml", "--quiet");
    RunDirectory run = Experiments.dir(tmp, "early").runDirectories().get(0);
    Transcript t = Transcript.read(run);
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(t.end()).isEqualTo("exited");
    assertThat(t.exitCode()).isEqualTo(2);
    assertThat(t.opening().received()).isEqualTo("starting\nfatal: no config\n");
    assertThat(t.turns()).isEmpty();
    assertThat(run.readMeta().exitCode()).isEqualTo(2);
  }

  @Test
  void aProgramInRawModeIsDrivenKeyByKey() throws IOException {
    Outcome o = run("raw", """
        initial_prompt: raw
        reactors:
          - {when: "type a line: $", send: "héllo raw"}
          - {when: "raw got: (.*)\\n", end: true}
        """, "");
    assertThat(o.meta().status()).as(o.cli().toString()).isEqualTo(RunStatus.OK);
    assertThat(o.transcript().turns()).hasSize(2);
    assertThat(o.transcript().turns().get(1).received()).isEqualTo("\nraw got: héllo raw\nchat> ");
  }

  @Test
  void largeOutputsArriveWholeAndSplitUtf8AndEscapesAreCleaned() throws IOException {
    Outcome o = run("large", """
        initial_prompt: big 20000
        reactors:
          - {when: "line 19999 of", send: utf8}
          - {when: "ok\\n", send: color}
          - {when: "plain", end: true}
        """, "");
    assertThat(o.meta().status()).as(o.cli().toString()).isEqualTo(RunStatus.OK);
    List<Transcript.Turn> turns = o.transcript().turns();
    assertThat(turns.get(0).received().lines()).hasSize(20001).startsWith("line 0 of a large output");
    assertThat(turns.get(1).received()).isEqualTo("é 日本 😀 ok\nchat> ");
    assertThat(turns.get(2).received()).isEqualTo("red plain\nchat> ");
    assertThat(turns.get(2).receivedRaw()).contains("\u001b[1;31mred\u001b[0m").contains("\u001b]0;a title\u0007");
    assertThat(Files.size(o.run().stdout())).isGreaterThan(20000L * 20);
  }

  @Test
  void aProgramReactorGetsTheTranscriptAndItsReplyIsSent() throws IOException {
    Outcome o = run("program", """
        initial_prompt: echo hi
        reactors:
          - {when: "saw", end: true}
          - {when: "hi", program: [%s, %s]}
        """.formatted(PYTHON, REPLY), "");
    assertThat(o.meta().status()).as(o.cli().toString()).isEqualTo(RunStatus.OK);
    Transcript.Turn first = o.transcript().turns().get(0);
    assertThat(first.action()).containsEntry("type", "program").containsEntry("text", "echo turn 1 saw 9 chars");
    Transcript.Turn second = o.transcript().turns().get(1);
    assertThat(second.sent()).isEqualTo("echo turn 1 saw 9 chars");
    assertThat(second.sentBy()).isEqualTo("program");
  }

  @Test
  void aDeterministicProgramGivesTheSameTranscriptTwice() throws IOException {
    String session = """
        initial_prompt: ask
        reactors:
          - {when: "overwrite", send: "y"}
          - {when: "wrote", send: "color"}
          - {when: "plain", send: "utf8"}
          - {when: "ok", end: true}
        """;
    Outcome a = run("twice-a", session, "");
    Outcome b = run("twice-b", session, "");
    assertThat(a.meta().status()).isEqualTo(RunStatus.OK);
    assertThat(timeless(b)).isEqualTo(timeless(a));
  }

  /** The transcript without what differs between two runs of the same program: times, paths, the run id. */
  private static Map<String, Object> timeless(Outcome o) throws IOException {
    String text = Files.readString(Transcript.of(o.run()))
        .replaceAll("\"(start_s|end_s|start_time_unix_s|end_time_unix_s)\" : [0-9.E]+", "\"$1\" : 0")
        .replace(o.run().root().toString(), "RUN").replace(o.run().runId(), "ID");
    return StoreJson.MAPPER.readValue(text, Map.class);
  }
}
