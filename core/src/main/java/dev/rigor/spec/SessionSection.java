package dev.rigor.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and validates {@code session:} and {@code verify:} (DESIGN.md §7). */
final class SessionSection {

  static final List<String> SESSION_KEYS = List.of(
      "command", "initial_prompt", "ready", "reactors", "default", "max_turns", "turn_timeout", "workdir");
  static final List<String> REACTOR_KEYS = List.of("when", "send", "end", "fail", "program");
  static final List<String> ACTIONS = List.of("send", "end", "fail", "program");
  static final List<String> VERIFY_KEYS = List.of("files", "command");
  static final List<String> FILE_KEYS = List.of("path", "exists", "contains", "equals", "matches");

  private final NodeReader r;

  SessionSection(NodeReader r) {
    this.r = r;
  }

  SessionSpec session(SpecNode node) {
    SpecNode.MapNode m = r.map(node, "session", "session: {command: [python3, agent.py], ready: {regex: \"> $\"}}");
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "session", SESSION_KEYS);
    int errorsBefore = r.errors().size();
    List<Template> command = null;
    if (!m.has("command")) {
      r.error(m.position(), "the session has no 'command'", "add e.g. command: [python3, agent.py]");
    } else {
      command = argv(m.get("command"), "session.command", "command: [python3, agent.py]");
    }
    Template initial = m.has("initial_prompt") ? r.template(m.get("initial_prompt"), "session.initial_prompt", "initial_prompt: \"create hello.txt\"") : null;
    SessionSpec.Ready ready = m.has("ready") ? ready(m.get("ready")) : new SessionSpec.Ready(null, SessionSpec.DEFAULT_IDLE);
    List<SessionSpec.Reactor> reactors = new ArrayList<>();
    if (m.has("reactors")) {
      List<SpecNode> items = r.list(m.get("reactors"), "session.reactors", "reactors: [{when: \"DONE\", end: true}]");
      if (items != null) {
        for (SpecNode item : items) {
          SessionSpec.Reactor reactor = reactor(item);
          if (reactor != null) {
            reactors.add(reactor);
          }
        }
      }
    }
    SessionSpec.Action fallback = m.has("default") ? defaultAction(m.get("default"))
        : new SessionSpec.Fail("no reactor matched the output");
    int maxTurns = SessionSpec.DEFAULT_MAX_TURNS;
    if (m.has("max_turns")) {
      Long n = r.integer(m.get("max_turns"), "session.max_turns", 1, "max_turns: 10");
      maxTurns = n == null ? maxTurns : (int) Math.min(Integer.MAX_VALUE, n);
    }
    Duration turnTimeout = m.has("turn_timeout") ? duration(m.get("turn_timeout"), "session.turn_timeout") : SessionSpec.DEFAULT_TURN_TIMEOUT;
    boolean fresh = false;
    Template workdir = null;
    if (m.has("workdir")) {
      SpecNode w = m.get("workdir");
      if (w instanceof SpecNode.ScalarNode s && "fresh".equals(s.value())) {
        fresh = true;
      } else {
        workdir = r.template(w, "session.workdir", "workdir: fresh");
      }
    }
    if (r.errors().size() > errorsBefore || command == null || ready == null || fallback == null || turnTimeout == null) {
      return null;
    }
    return new SessionSpec(command, initial, ready, reactors, fallback, maxTurns, turnTimeout, fresh, workdir);
  }

  private List<Template> argv(SpecNode node, String what, String example) {
    List<SpecNode> items = r.list(node, what, example);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      r.error(node.position(), "'" + what + "' is empty", "give the program and its arguments, e.g. " + example);
      return null;
    }
    List<Template> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Template t = r.template(items.get(i), what + "[" + i + "]", example);
      if (t != null) {
        out.add(t);
      }
    }
    return out.size() == items.size() ? out : null;
  }

  private SessionSpec.Ready ready(SpecNode node) {
    SpecNode.MapNode m = r.map(node, "session.ready", "ready: {regex: \"agent> $\"} or ready: {idle: 500ms}");
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "session.ready", List.of("regex", "idle"));
    if (m.has("regex") == m.has("idle")) {
      r.error(m.position(), "'session.ready' needs exactly one of 'regex' and 'idle'",
          "write ready: {regex: \"agent> $\"} (the prompt) or ready: {idle: 500ms} (silence)");
      return null;
    }
    if (m.has("regex")) {
      Pattern p = pattern(m.get("regex"), "session.ready.regex");
      return p == null ? null : new SessionSpec.Ready(p, null);
    }
    Duration idle = duration(m.get("idle"), "session.ready.idle");
    return idle == null ? null : new SessionSpec.Ready(null, idle);
  }

  private SessionSpec.Reactor reactor(SpecNode item) {
    SpecNode.MapNode m = r.map(item, "session.reactors[]", "{when: \"(?i)overwrite\\\\?\", send: \"y\"}");
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "a reactor", REACTOR_KEYS);
    if (!m.has("when")) {
      r.error(m.position(), "a reactor has no 'when'", "add the regular expression it reacts to, e.g. when: \"DONE\"");
      return null;
    }
    Pattern when = pattern(m.get("when"), "reactors[].when");
    SessionSpec.Action action = action(m, "a reactor");
    return when == null || action == null ? null : new SessionSpec.Reactor(when, action);
  }

  private SessionSpec.Action defaultAction(SpecNode node) {
    SpecNode.MapNode m = r.map(node, "session.default", "default: {send: continue}");
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "session.default", ACTIONS);
    return action(m, "session.default");
  }

  /** Exactly one of send, end, fail, program. */
  private SessionSpec.Action action(SpecNode.MapNode m, String where) {
    List<String> given = ACTIONS.stream().filter(m::has).toList();
    if (given.size() != 1) {
      r.error(m.position(), where + " needs exactly one action of send, end, fail, program" + (given.isEmpty() ? "" : " (has " + String.join(", ", given) + ")"),
          "write e.g. {when: \"(?i)overwrite\\\\?\", send: \"y\"} or {when: \"DONE\", end: true}");
      return null;
    }
    String key = given.get(0);
    SpecNode v = m.get(key);
    return switch (key) {
      case "send" -> {
        Template t = r.template(v, "send", "send: \"yes\"");
        yield t == null ? null : new SessionSpec.Send(t);
      }
      case "end" -> {
        Boolean b = r.bool(v, "end");
        if (b != null && !b) {
          r.error(v.position(), "'end: false' does nothing", "write end: true, or remove the action");
          yield null;
        }
        yield b == null ? null : new SessionSpec.End();
      }
      case "fail" -> {
        String reason = v instanceof SpecNode.ScalarNode s && Boolean.TRUE.equals(s.value()) ? "failed by a reactor" : r.string(v, "fail", "fail: \"agent crashed\"");
        yield reason == null ? null : new SessionSpec.Fail(reason);
      }
      default -> {
        List<Template> argv = argv(v, "program", "program: [python3, reply.py]");
        yield argv == null ? null : new SessionSpec.Program(argv);
      }
    };
  }

  VerifySpec verify(SpecNode node) {
    SpecNode.MapNode m = r.map(node, "verify", "verify: {files: [{path: hello.txt, contains: hi}]}");
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "verify", VERIFY_KEYS);
    List<VerifySpec.FileCheck> files = new ArrayList<>();
    if (m.has("files")) {
      List<SpecNode> items = r.list(m.get("files"), "verify.files", "files: [{path: hello.txt, exists: true}]");
      if (items != null) {
        for (SpecNode item : items) {
          VerifySpec.FileCheck check = fileCheck(item);
          if (check != null) {
            files.add(check);
          }
        }
      }
    }
    List<Template> command = List.of();
    if (m.has("command")) {
      command = argv(m.get("command"), "verify.command", "command: [python3, check.py, \"{workdir}\"]");
      command = command == null ? List.of() : command;
    }
    return new VerifySpec(files, command);
  }

  private VerifySpec.FileCheck fileCheck(SpecNode item) {
    SpecNode.MapNode m = r.map(item, "verify.files[]", "{path: hello.txt, contains: hi}");
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "a file check", FILE_KEYS);
    if (!m.has("path")) {
      r.error(m.position(), "a file check has no 'path'", "add e.g. path: hello.txt (relative to the session's working directory)");
      return null;
    }
    Template path = r.template(m.get("path"), "verify.files[].path", "path: hello.txt");
    Boolean exists = m.has("exists") ? r.bool(m.get("exists"), "exists") : null;
    Template contains = m.has("contains") ? r.template(m.get("contains"), "contains", "contains: hi") : null;
    Template equals = m.has("equals") ? r.template(m.get("equals"), "equals", "equals: \"hi\\n\"") : null;
    Pattern matches = m.has("matches") ? pattern(m.get("matches"), "matches") : null;
    if (Boolean.FALSE.equals(exists) && (contains != null || equals != null || matches != null)) {
      r.error(m.get("exists").position(), "a file that must not exist cannot have content checks",
          "remove exists: false, or the contains/equals/matches checks");
      return null;
    }
    return path == null ? null : new VerifySpec.FileCheck(path, exists, contains, equals, matches);
  }

  private Pattern pattern(SpecNode node, String what) {
    String text = r.string(node, what, what + ": \"DONE\"");
    if (text == null) {
      return null;
    }
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      r.error(node.position(), "'" + what + "' is not a regular expression: " + e.getDescription() + " near index " + e.getIndex(),
          "fix the pattern (Java syntax; escape a literal '?' as \\\\?)");
      return null;
    }
  }

  private Duration duration(SpecNode node, String what) {
    String text = node instanceof SpecNode.ScalarNode s && s.value() instanceof Long l ? l + "s" : r.string(node, what, what + ": 30s");
    if (text == null) {
      return null;
    }
    try {
      Duration d = Quantities.duration(text);
      if (!d.isZero()) {
        return d;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    r.error(node.position(), "'" + what + "' is not a positive duration: \"" + text + "\"", "write e.g. 500ms, 30s or 2m");
    return null;
  }
}
