package dev.rigor.report;

import dev.rigor.store.AtomicFiles;
import dev.rigor.store.RunMeta;
import dev.rigor.store.Transcript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A session's transcript as a conversation, one static page per run ({@code report/transcripts/<run>.html}):
 * what the program printed (clean text), what was typed and by whom, which reactor matched and what it
 * did, how the session ended and each verification. The raw output of each turn is shown with every
 * control character spelled out. Every byte from the run is escaped (OWASP's encoder through
 * {@link Html}); the page has no script at all and its policy allows none.
 */
final class TranscriptPage {

  private static final String CSS = """
      body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:960px;color:#222}
      pre{white-space:pre-wrap;word-break:break-all;margin:.3em 0;font:13px/1.4 ui-monospace,monospace}
      .program,.user,.reaction{border-radius:8px;padding:.5em .8em;margin:.6em 0}
      .program{background:#f3f4f6}.user{background:#e0efff;margin-left:4em}.reaction{color:#555;font-size:12px;margin:.2em 0 .2em 4em}
      .who{font-size:11px;color:#666;text-transform:uppercase;letter-spacing:.05em}
      .end{font-weight:600}.pass{color:#087f23}.fail{color:#b00020}
      table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
      details{font-size:12px;color:#555}dt{font-weight:600;float:left;clear:left;width:9em}dd{margin-left:10em}
      """;

  private TranscriptPage() {}

  static void write(Path file, Transcript t, RunMeta meta, String reportLink) throws IOException {
    AtomicFiles.write(file, render(t, meta, reportLink));
  }

  static String render(Transcript t, RunMeta meta, String reportLink) {
    Html h = new Html();
    h.open("head").open("meta", "charset", "utf-8")
        .open("meta", "http-equiv", "Content-Security-Policy", "content", "default-src 'none'; style-src 'unsafe-inline'")
        .el("title", t.runId() + " — transcript").el("style", "").close("head");
    String page = h.toString().replace("<style></style>", "<style>" + CSS + "</style>");
    Html b = new Html().open("body").el("a", "← report", "href", reportLink).el("h1", "Transcript of " + t.runId());
    b.open("dl");
    b.el("dt", "command").el("dd", String.join(" ", t.command()));
    b.el("dt", "working dir").el("dd", t.cwd());
    if (meta != null) {
      b.el("dt", "status").el("dd", meta.status().json() + (meta.error() == null ? "" : " — " + meta.error()));
    }
    b.el("dt", "turns").el("dd", t.turns().size() + (t.maxTurns() == null ? "" : " (max_turns " + t.maxTurns() + ")"));
    b.el("dt", "ended").el("dd", (t.end() == null ? "still running" : t.end()) + (t.endDetail() == null ? "" : " — " + t.endDetail()),
        "class", "end");
    if (t.exitCode() != null) {
      b.el("dt", "exit code").el("dd", Integer.toString(t.exitCode()));
    }
    b.close("dl");
    if (t.opening() != null) {
      program(b, "program, before the initial prompt", t.opening().received(), t.opening().receivedRaw(), t.opening().waited());
    }
    for (Transcript.Turn turn : t.turns()) {
      if (turn.sent() != null) {
        b.open("div", "class", "user").el("div", "turn " + turn.n() + " · sent by " + turn.sentBy(), "class", "who")
            .el("pre", turn.sent()).close("div");
      }
      program(b, "turn " + turn.n() + " · program · " + seconds(turn.startS()) + "–" + seconds(turn.endS()), turn.received(),
          turn.receivedRaw(), turn.waited());
      if (turn.action() != null) {
        b.el("div", reaction(turn), "class", "reaction");
      }
    }
    if (!t.verifications().isEmpty()) {
      b.el("h2", "Verification: " + (Boolean.TRUE.equals(t.verified()) ? "passed" : "failed"));
      b.open("table").open("tr").el("th", "check").el("th", "target").el("th", "expectation").el("th", "outcome").el("th", "detail")
          .close("tr");
      for (Transcript.Verification v : t.verifications()) {
        b.open("tr").el("td", v.kind()).el("td", v.target()).el("td", v.expectation())
            .el("td", v.passed() ? "pass" : "fail", "class", v.passed() ? "pass" : "fail").el("td", v.detail() == null ? "" : v.detail())
            .close("tr");
      }
      b.close("table");
    } else if ("end".equals(t.end())) {
      b.el("p", "Nothing to verify: the session ended by end.");
    } else if (t.end() != null) {
      b.el("p", "Not verified: verification runs only after a session ended by end.");
    }
    return "<!DOCTYPE html>\n<html lang=\"en\">" + page + b.close("body") + "</html>\n";
  }

  private static void program(Html b, String who, String clean, String raw, String waited) {
    b.open("div", "class", "program").el("div", who + " · " + waited, "class", "who").el("pre", clean)
        .open("details").el("summary", "raw output (" + raw.length() + " characters, control characters spelled out)")
        .el("pre", spelled(raw)).close("details").close("div");
  }

  private static String reaction(Transcript.Turn turn) {
    Map<String, Object> a = turn.action();
    String by = turn.reactor() == null ? "no reactor matched: the default" : "reactor " + turn.reactor() + " /" + turn.when() + "/";
    Object detail = a.containsKey("text") ? a.get("text") : a.get("reason");
    return by + " → " + a.get("type") + (detail == null ? "" : " " + quote(String.valueOf(detail)));
  }

  private static String seconds(double s) {
    return String.format(java.util.Locale.ROOT, "%.3f s", s);
  }

  /** The raw text with every control character written out ({@code \r}, {@code \e}, {@code \x07}…); line feeds also break the line. */
  static String spelled(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x1b -> out.append("\\e");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
