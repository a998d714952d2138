package dev.rigor.exec.session;

import dev.rigor.exec.Attempt;
import dev.rigor.exec.Attempts;
import dev.rigor.exec.ProcessTree;
import dev.rigor.exec.ProcessTrees;
import dev.rigor.exec.RunRequest;
import dev.rigor.exec.TreeKiller;
import dev.rigor.exec.TrialCommand;
import dev.rigor.exec.TrialSetup;
import dev.rigor.metrics.MetricExtractor;
import dev.rigor.spec.Quantities;
import dev.rigor.spec.SessionSpec;
import dev.rigor.spec.Template;
import dev.rigor.spec.VerifySpec;
import dev.rigor.store.Measurement;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import dev.rigor.store.SeriesFile;
import dev.rigor.store.StoreJson;
import dev.rigor.store.Transcript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One attempt of a session trial: start the program in a pseudo-terminal inside its process tree,
 * play the turns (send, wait until ready, react), stop the tree, verify what it made when the session
 * ended by {@code end}, and write the transcript and the run's record like any other trial.
 */
final class SessionRun extends Attempt {

  /** Where a fresh working directory is made in the run directory. */
  static final String WORK = "work";

  private final SessionSpec session;
  private final VerifySpec verify;
  private final ProcessTrees trees;
  private volatile Terminal terminal;

  SessionRun(RunRequest request, TrialSetup setup, SessionSpec session, VerifySpec verify, ProcessTrees trees) {
    super(request, setup);
    this.session = session;
    this.verify = verify;
    this.trees = trees;
  }

  @Override
  public void terminate(RunStatus reason) {
    super.terminate(reason);
    Terminal t = terminal;
    if (t != null) {
      t.wake();
    }
  }

  /** The session's working directory and every placeholder's value, {@code {workdir}} included. */
  private record Place(Path workdir, Function<String, String> values) {}

  private Place place(RunDirectory dir) throws IOException {
    Function<String, String> plain = TrialCommand.placeholders(request.trial(), dir);
    Path workdir;
    if (session.freshWorkdir()) {
      workdir = Files.createDirectories(dir.root().resolve(WORK));
    } else if (session.workdir() != null) {
      workdir = setup.invocationDir().resolve(session.workdir().render(plain)).normalize();
    } else {
      workdir = setup.workdir() == null ? setup.invocationDir() : setup.invocationDir().resolve(setup.workdir().render(plain)).normalize();
    }
    String text = workdir.toString();
    return new Place(workdir, name -> name.equals("workdir") ? text : plain.apply(name));
  }

  @Override
  protected RunRecord execute() throws IOException {
    RunDirectory dir = request.directory();
    dir.prepareAttempt();
    dir.writeParams(Attempts.paramsFile(request.trial()));
    Place place = place(dir);
    TrialCommand command = withScriptsFound(TrialCommand.of(setup, request.trial(), dir, place.values()));
    RunMeta meta = Attempts.startingMeta(request, setup.experiment(), command.argv(), place.workdir().toString());
    long startNanos = System.nanoTime();
    if (!Files.isDirectory(place.workdir())) {
      return finish(meta, startNanos, null, null, null, "working directory " + place.workdir() + " does not exist");
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent("TERM", "xterm-256color");
    env.putAll(command.env());
    try (ProcessTree tree = trees.create(request.trial().trialKey() + "-a" + request.attempt(), setup.limits())) {
      env.put(ProcessTree.ENV, tree.id());
      Terminal t;
      try {
        t = Terminal.start(tree, command.argv(), env, place.workdir(), dir.stdout());
      } catch (IOException | RuntimeException e) {
        return finish(meta, startNanos, null, tree, null, "cannot start " + command.argv().get(0) + " in a terminal: " + e.getMessage());
      }
      terminal = t;
      Process process = t.process();
      dir.writeMeta(meta.withProcess(process.pid(), null, tree.cgroups()));
      Conversation talk = new Conversation(dir, command, place, env, tree, t, meta.startTimeUnixS());
      try {
        talk.play(startNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        talk.ended("interrupted", "the coordinator's thread was interrupted");
      }
      TreeKiller.stop(tree, process, setup.killGrace());
      t.close();
      slotFreed.complete(null); // the program is gone: the next trial may start while this one is verified and recorded
      if ("end".equals(talk.end)) {
        talk.verify();
      }
      talk.write();
      return finish(meta, startNanos, talk, tree, process, null);
    }
  }

  /**
   * In a fresh working directory, the program's arguments that name a file relative to the directory
   * rigor runs in ({@code [python3, agent.py]}) are made absolute, so that the command means what it
   * means in a process trial; every other argument is passed as written.
   */
  private TrialCommand withScriptsFound(TrialCommand command) {
    if (!session.freshWorkdir()) {
      return command;
    }
    List<String> argv = new ArrayList<>();
    for (String arg : command.argv()) {
      Path p = arg.isEmpty() || arg.startsWith("-") ? null : setup.invocationDir().resolve(arg);
      argv.add(p != null && !Path.of(arg).isAbsolute() && Files.isRegularFile(p) ? p.normalize().toString() : arg);
    }
    return new TrialCommand(argv, command.env(), command.cwd());
  }

  /** The turns of one session and how it ended; written to transcript.json as it goes. */
  private final class Conversation {
    private final RunDirectory dir;
    private final TrialCommand command;
    private final Place place;
    private final Map<String, String> env;
    private final Terminal terminal;
    private final double startUnix;
    private final List<Transcript.Turn> turns = new ArrayList<>();
    private final List<Transcript.Verification> verifications = new ArrayList<>();
    private Transcript.Opening opening;
    private String end;
    private String endDetail;
    private Integer exitCode;
    private Boolean verified;
    private long startNanos;

    Conversation(RunDirectory dir, TrialCommand command, Place place, Map<String, String> env, ProcessTree tree, Terminal terminal,
        double startUnix) {
      this.dir = dir;
      this.command = command;
      this.place = place;
      this.env = env;
      this.terminal = terminal;
      this.startUnix = startUnix;
    }

    void ended(String how, String detail) {
      if (end == null) {
        end = how;
        endDetail = detail;
      }
    }

    private double seconds(long nanos) {
      return Math.round((nanos - startNanos) / 1e3) / 1e6;
    }

    void play(long startNanos) throws InterruptedException, IOException {
      this.startNanos = startNanos;
      Transcript.startLive(dir, session.maxTurns());
      long runDeadline = setup.timeout() == null ? Long.MAX_VALUE : startNanos + setup.timeout().toNanos();
      String sent = null;
      String sentBy = null;
      if (session.initialPrompt() != null) {
        Terminal.Wait w = await(null, startNanos, runDeadline);
        Terminal.Output out = terminal.take();
        opening = new Transcript.Opening(out.clean(), out.raw(), seconds(System.nanoTime()), waited(w));
        if (w == Terminal.Wait.READY) {
          sent = session.initialPrompt().render(place.values());
          sentBy = "initial_prompt";
        } else {
          stopped(w, 0, runDeadline);
        }
      }
      for (int n = 1; end == null; n++) {
        long turnStart = System.nanoTime();
        if (sent != null) {
          terminal.send(sent);
        }
        Terminal.Wait w = await(sent, turnStart, runDeadline);
        Terminal.Output out = terminal.take();
        String received = Terminal.visible(out.clean(), sent);
        double endS = seconds(System.nanoTime());
        Integer reactor = null;
        String when = null;
        Map<String, Object> action = null;
        String next = null;
        String nextBy = null;
        if (w == Terminal.Wait.READY || w == Terminal.Wait.EXITED) {
          SessionSpec.Action chosen = session.defaultAction();
          for (int i = 0; i < session.reactors().size(); i++) {
            if (session.reactors().get(i).when().matcher(received).find()) {
              reactor = i;
              when = session.reactors().get(i).when().pattern();
              chosen = session.reactors().get(i).action();
              break;
            }
          }
          action = new LinkedHashMap<>();
          action.put("type", chosen.type());
          nextBy = reactor == null ? "default" : "reactor";
          if (chosen instanceof SessionSpec.End) {
            ended("end", null);
          } else if (chosen instanceof SessionSpec.Fail fail) {
            action.put("reason", fail.reason());
            ended("fail", fail.reason());
          } else if (w == Terminal.Wait.EXITED) {
            ended("exited", null);
          } else if (n >= session.maxTurns()) {
            ended("max_turns", "max_turns (" + session.maxTurns() + ") reached without an end");
          } else if (chosen instanceof SessionSpec.Send send) {
            next = send.text().render(place.values());
            action.put("text", next);
          } else if (chosen instanceof SessionSpec.Program program) {
            turns.add(new Transcript.Turn(n, sent, sentBy, received, out.raw(), seconds(turnStart), endS, waited(w), reactor, when, action));
            next = reply(program, n, runDeadline);
            turns.remove(turns.size() - 1);
            action.put("text", next);
            nextBy = "program";
          }
          if (w == Terminal.Wait.EXITED) {
            exitCode = exitValue();
          }
        } else {
          stopped(w, n, runDeadline);
        }
        Transcript.Turn turn = new Transcript.Turn(n, sent, sentBy, received, out.raw(), seconds(turnStart), endS, waited(w), reactor, when, action);
        turns.add(turn);
        Transcript.appendLive(dir, turn);
        sent = next;
        sentBy = nextBy;
      }
    }

    private Terminal.Wait await(String sent, long turnStart, long runDeadline) throws InterruptedException {
      long deadline = Math.min(runDeadline, turnStart + session.turnTimeout().toNanos());
      SessionSpec.Ready ready = session.ready();
      return terminal.await(ready.regex(), ready.idle() == null ? 0 : ready.idle().toNanos(), sent, turnStart, deadline, stop::isDone);
    }

    private void stopped(Terminal.Wait w, int n, long runDeadline) {
      switch (w) {
        case EXITED -> {
          exitCode = exitValue();
          ended("exited", null);
        }
        case TIMEOUT -> {
          if (System.nanoTime() >= runDeadline) {
            ended("timeout", "timed out after " + Quantities.format(setup.timeout()) + " at turn " + n + "; the process tree was stopped");
          } else {
            ended("turn_timeout", "not ready within turn_timeout " + Quantities.format(session.turnTimeout()) + " at turn " + n
                + "; the process tree was stopped");
          }
        }
        case STOPPED -> {
          RunStatus reason = stop.getNow(RunStatus.INTERRUPTED);
          ended(reason.json(), reason.json() + " at turn " + n + "; the process tree was stopped");
        }
        default -> throw new IllegalStateException("not a stop: " + w);
      }
    }

    private Integer exitValue() {
      Process p = terminal.process();
      try {
        p.waitFor(); // the terminal reported the end; the reaper follows at once
        return p.exitValue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    /** A {@code program} reactor's reply: the transcript so far on its stdin, its stdout (line ends trimmed) sent. */
    private String reply(SessionSpec.Program program, int n, long runDeadline) throws IOException {
      List<String> argv = program.argv().stream().map(t -> t.render(place.values())).toList();
      byte[] input = StoreJson.compact(transcript()).getBytes(StandardCharsets.UTF_8);
      Helper.Result r = Helper.run(trees, request.trial().trialKey() + "-a" + request.attempt() + "-reply" + n, argv, setup.invocationDir(),
          env, input, dir.stderr(), session.turnTimeout(), setup.killGrace());
      if (!r.passed()) {
        ended("error", "the reply program " + argv + (r.exitCode() == null ? " did not finish within turn_timeout " + Quantities.format(session.turnTimeout())
            : " exited " + r.exitCode()) + " at turn " + n + " (its stderr is in stderr.txt)");
        return null;
      }
      return r.output().replaceAll("(\\r?\\n)+$", "");
    }

    void verify() throws IOException {
      if (verify == null) {
        verified = true;
        return;
      }
      verifications.addAll(Verifier.files(verify, place.workdir(), place.values()));
      if (!verify.command().isEmpty()) {
        List<String> argv = verify.command().stream().map((Template t) -> t.render(place.values())).toList();
        Helper.Result r = Helper.run(trees, request.trial().trialKey() + "-a" + request.attempt() + "-verify", argv, setup.invocationDir(),
            env, new byte[0], null, session.turnTimeout(), setup.killGrace());
        String out = r.output().strip();
        String detail = (r.exitCode() == null ? "stopped after " + Quantities.format(session.turnTimeout()) : "exit " + r.exitCode())
            + (out.isEmpty() ? "" : ": " + (out.length() > 2000 ? "…" + out.substring(out.length() - 2000) : out));
        verifications.add(new Transcript.Verification("command", String.join(" ", argv), "exits 0", r.passed(), detail));
      }
      verified = verifications.stream().allMatch(Transcript.Verification::passed);
    }

    Transcript transcript() {
      return new Transcript(Transcript.SCHEMA, request.trial().runId(), command.argv(), place.workdir().toString(), session.maxTurns(),
          startUnix, opening, turns, end, endDetail, exitCode, end == null ? null : startUnix + seconds(System.nanoTime()),
          verifications, verified);
    }

    void write() throws IOException {
      transcript().write(dir);
    }
  }

  private static String waited(Terminal.Wait w) {
    return switch (w) {
      case READY -> "ready";
      case EXITED -> "exited";
      case TIMEOUT -> "timeout";
      case STOPPED -> "stopped";
    };
  }

  private RunRecord finish(RunMeta meta, long startNanos, Conversation talk, ProcessTree tree, Process process, String error)
      throws IOException {
    double wall = (System.nanoTime() - startNanos) / 1e9;
    RunDirectory dir = request.directory();
    boolean ran = process != null;
    ProcessTree.Usage usage = ran ? tree.usage() : new ProcessTree.Usage(null, null);
    Integer exitCode = ran ? exitCodeOf(process) : null;
    Integer signal = exitCode != null && exitCode > 128 && exitCode <= 128 + 64 ? exitCode - 128 : null;
    Function<String, String> placeholders = TrialCommand.placeholders(request.trial(), dir);
    MetricExtractor.Extraction extraction = ran ? MetricExtractor.extract(setup.metrics(), dir, placeholders)
        : new MetricExtractor.Extraction(RunMetrics.EMPTY, List.of());
    Map<String, Object> values = new LinkedHashMap<>(extraction.metrics().values());
    RunStatus status;
    if (!ran) {
      status = RunStatus.ERROR;
    } else {
      values.put("turns", talk.turns.size());
      values.put("session_end", talk.end);
      values.put("verified", Boolean.TRUE.equals(talk.verified));
      String killed = tree.killedBecause();
      status = statusOf(talk);
      error = killed != null ? killed : status == RunStatus.OK ? null : describe(talk);
      if (killed != null && status == RunStatus.OK) {
        status = RunStatus.FAILED;
      }
    }
    RunMetrics metrics = new RunMetrics(values, extraction.metrics().missing());
    dir.writeMetrics(metrics);
    if (!extraction.series().isEmpty()) {
      SeriesFile.write(dir.series(), extraction.series());
    }
    RunMeta end = meta.finished(status, exitCode, signal, meta.startTimeUnixS() + wall, wall, usage.cpuSeconds(), usage.peakBytes(),
        ran ? tree.measurement() : Measurement.NONE, error, ran ? tree.limitsEnforced() : null);
    dir.writeMeta(end);
    return new RunRecord(end, metrics);
  }

  private static Integer exitCodeOf(Process p) {
    try {
      return p.isAlive() ? null : p.exitValue();
    } catch (IllegalThreadStateException e) {
      return null;
    }
  }

  private static RunStatus statusOf(Conversation talk) {
    return switch (talk.end) {
      case "end" -> Boolean.TRUE.equals(talk.verified) ? RunStatus.OK : RunStatus.FAILED;
      case "fail", "max_turns", "turn_timeout", "exited" -> RunStatus.FAILED;
      case "timeout" -> RunStatus.TIMEOUT;
      case "interrupted" -> RunStatus.INTERRUPTED;
      case "cancelled" -> RunStatus.CANCELLED;
      case "cost_limit" -> RunStatus.COST_LIMIT;
      default -> RunStatus.ERROR;
    };
  }

  private static String describe(Conversation talk) {
    return switch (talk.end) {
      case "end" -> "verification failed: " + String.join("; ", talk.verifications.stream().filter(v -> !v.passed())
          .map(v -> v.target() + " " + v.expectation() + (v.detail() == null ? "" : " (" + v.detail() + ")")).toList());
      case "fail" -> "the session failed: " + talk.endDetail;
      case "exited" -> "the program exited" + (talk.exitCode == null ? "" : " with code " + talk.exitCode) + " at turn "
          + talk.turns.size() + " before the session ended";
      default -> talk.endDetail == null ? "session ended: " + talk.end : talk.endDetail;
    };
  }
}
