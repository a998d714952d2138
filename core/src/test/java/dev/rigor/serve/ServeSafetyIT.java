package dev.rigor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.testing.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's safety, over raw HTTP (so that no client normalises the paths): read-only (every
 * file of the experiment is byte-identical, and no file appears, after the server read it and served
 * every page and endpoint), paths outside ROOT never served (encoded {@code ..}, absolute paths,
 * symbolic links out, hidden files), the token on every request, the Host check, and
 * {@code --bind} elsewhere without a token refused with exit 2.
 */
class ServeSafetyIT {

  static final String TOKEN = "0123456789abcdef0123";

  static final String TRIAL = """
      import json, os, sys
      p = json.load(open(os.environ["RIGOR_PARAMS"]))
      with open(os.environ["RIGOR_METRICS"], "a") as f:
          for step in range(1, 4):
              f.write(json.dumps({"step": step, "reward": step * p["seed"]}) + "\\n")
      if p["seed"] == 2:
          print("boom", file=sys.stderr)
          sys.exit(1)
      with open(os.path.join(os.environ["RIGOR_OUT"], "m.json"), "w") as f:
          json.dump({"score": p["seed"] * p["x"]}, f)
      """;

  static final String SPEC = """
      name: safe
      command: [python3, trial.py]
      matrix: {x: [1, 2]}
      seeds: [1, 2, 3]
      jobs: 2
      metrics: [{json: out/m.json}]
      goals: {score: max}
      """;

  @TempDir static Path tmp;
  static Path root;
  static Path experiment;
  static String runId;

  @BeforeAll
  static void runAnExperiment() throws Exception {
    Files.writeString(tmp.resolve("trial.py"), TRIAL);
    Files.writeString(tmp.resolve("safe.yaml"), SPEC);
    CliRun run = CliRun.in(tmp, "run", "safe.yaml", "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    root = tmp.resolve("runs");
    experiment = root.resolve("safe");
    try (Stream<Path> runs = Files.list(experiment.resolve("runs"))) {
      runId = runs.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
    }
    Files.writeString(tmp.resolve("secret.txt"), "outside ROOT");
    Files.createSymbolicLink(experiment.resolve("runs").resolve(runId).resolve("link.txt"), tmp.resolve("secret.txt"));
    Path outside = Files.createDirectories(tmp.resolve("elsewhere/other"));
    Files.writeString(outside.resolve("experiment.json"), "{}");
    Files.createSymbolicLink(root.resolve("other"), outside);
  }

  @Test
  void servingChangesNoFileOfTheExperiment() throws Exception {
    Map<String, String> before = hashes(experiment);
    try (Dashboard d = Dashboard.start(ServeOptions.local(root, 0))) {
      for (String path : List.of("/", "/experiments/safe", "/api/experiments", "/api/experiments/safe", "/api/experiments/safe/runs",
          "/api/experiments/safe/runs?status=failed", "/api/experiments/safe/summary", "/files/safe/runs/" + runId + "/stderr.txt",
          "/files/safe/report/index.html", "/assets/experiment.js", "/assets/echarts.min.js")) {
        assertThat(get(d, path, Map.of()).status()).as(path).isEqualTo(200);
      }
      Response events = get(d, "/api/experiments/safe/events", Map.of());
      assertThat(events.body()).contains("event: state").contains("\"name\":\"safe\"");
    }
    assertThat(hashes(experiment)).as("the same files with the same bytes (no -wal, -shm or lock created)").isEqualTo(before);
  }

  @Test
  void theApiAnswersWithTheRunsTheSummaryAndFiltersByStatus() throws Exception {
    try (Dashboard d = Dashboard.start(ServeOptions.local(root, 0))) {
      String list = get(d, "/api/experiments", Map.of()).body();
      assertThat(list).contains("\"name\":\"safe\"").contains("\"planned\":6").contains("\"ok\":4").contains("\"failed\":2")
          .doesNotContain("\"other\"");
      String failed = get(d, "/api/experiments/safe/runs?status=failed&limit=1", Map.of()).body();
      assertThat(failed).contains("\"total\":2").contains("\"limit\":1").contains("\"status\":\"failed\"").doesNotContain("\"ok\"");
      String detail = get(d, "/api/experiments/safe", Map.of()).body();
      assertThat(detail).contains("\"stderr_tail\":[\"boom\"]").contains("\"series\":\"reward\"");
      String summary = get(d, "/api/experiments/safe/summary", Map.of()).body();
      assertThat(summary).contains("\"group\":\"x=1\"").contains("\"metric\":\"score\"").contains("\"n\":2");
      assertThat(get(d, "/api/experiments/safe/runs?status=bogus", Map.of()).status()).isEqualTo(400);
      assertThat(get(d, "/api/experiments/nope", Map.of()).status()).isEqualTo(404);
    }
  }

  @Test
  void noPathOutsideRootIsServed() throws Exception {
    try (Dashboard d = Dashboard.start(ServeOptions.local(root, 0))) {
      String run = "/files/safe/runs/" + runId;
      assertThat(get(d, run + "/stderr.txt", Map.of()).status()).isEqualTo(200);
      for (String path : List.of(
          "/files/safe/../../secret.txt", "/files/safe/runs/../../../secret.txt", "/files/safe/runs/%2e%2e/%2e%2e/%2e%2e/secret.txt",
          run + "/..%2f..%2f..%2f..%2fsecret.txt", run + "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt",
          "/files/safe//etc/passwd", "/files/safe/runs/" + runId + "/link.txt", "/files/safe/experiment.json",
          "/files/safe/rigor.db", "/files/safe/.rigor.lock", "/files/%2e%2e/secret.txt", "/files/..%2fsecret.txt/runs/x",
          "/files/other/experiment.json", "/api/experiments/other", "/api/experiments/..", "/api/experiments/%2e%2e",
          "/assets/..%2f..%2fexperiment.html", "/assets/%2fetc%2fpasswd", "/files/safe/runs/%2fetc%2fpasswd",
          "/files/safe/report/..%5c..%5csecret.txt", "/files/safe/runs/" + runId + "/%00stderr.txt", "/" + tmp.resolve("secret.txt"),
          "//etc/passwd", "/files/safe/runs/" + tmp.resolve("secret.txt"))) {
        Response r = get(d, path, Map.of());
        assertThat(r.status()).as(path + " → " + r.status() + " " + r.body()).isIn(400, 403, 404);
        assertThat(r.body()).as(path).doesNotContain("outside ROOT").doesNotContain("root:x:0");
      }
    }
  }

  @Test
  void aTokenIsRequiredOnEveryRequestWhenSet() throws Exception {
    try (Dashboard d = Dashboard.start(new ServeOptions(root, ServeOptions.LOOPBACK, 0, Optional.of(TOKEN)))) {
      assertThat(d.url()).endsWith("/?token=" + TOKEN);
      for (String path : List.of("/", "/api/experiments", "/assets/common.js", "/api/events", "/files/safe/runs/" + runId + "/stderr.txt")) {
        assertThat(get(d, path, Map.of()).status()).as(path).isEqualTo(401);
        assertThat(get(d, path, Map.of("Cookie", Access.COOKIE + "=" + TOKEN + "x")).status()).as(path).isEqualTo(401);
        assertThat(get(d, path, Map.of("Authorization", "Bearer " + TOKEN.substring(1))).status()).as(path).isEqualTo(401);
      }
      Response opened = get(d, "/?token=" + TOKEN, Map.of());
      assertThat(opened.status()).isEqualTo(200);
      assertThat(opened.headers()).containsPattern("(?i)set-cookie: rigor_token=" + TOKEN + ";.*HttpOnly").containsPattern("(?i)SameSite=Strict");
      assertThat(get(d, "/api/experiments", Map.of("Cookie", Access.COOKIE + "=" + TOKEN)).status()).isEqualTo(200);
      assertThat(get(d, "/api/experiments", Map.of("Authorization", "Bearer " + TOKEN)).status()).isEqualTo(200);
    }
  }

  @Test
  void onTheLoopbackAnotherHostNameIsRefused() throws Exception {
    try (Dashboard d = Dashboard.start(ServeOptions.local(root, 0))) {
      assertThat(get(d, "/api/experiments", Map.of("Host", "evil.example:" + d.port())).status()).isEqualTo(403);
      assertThat(get(d, "/api/experiments", Map.of("Host", "localhost:" + d.port())).status()).isEqualTo(200);
    }
  }

  @Test
  void bindingElsewhereWithoutATokenIsAUsageError() {
    CliRun refused = CliRun.in(tmp, "serve", "runs", "--bind", "0.0.0.0", "--port", "0");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err()).contains("--token");
    CliRun shortToken = CliRun.in(tmp, "serve", "runs", "--bind", "0.0.0.0", "--port", "0", "--token", "short");
    assertThat(shortToken.exitCode()).as(shortToken.toString()).isEqualTo(2);
    assertThat(shortToken.err()).contains("at least 16 characters");
  }

  record Response(int status, String headers, String body) {}

  /** One HTTP/1.1 request with the path exactly as given (no client-side normalisation). */
  static Response get(Dashboard d, String path, Map<String, String> headers) throws IOException {
    return get(d.port(), path, headers);
  }

  static Response get(int port, String path, Map<String, String> headers) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000); // a loaded machine: the first request of a cold server can take seconds
      Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.put("Host", "127.0.0.1:" + port);
      h.put("Connection", "close");
      if (path.endsWith("/events")) {
        h.put("Accept", "text/event-stream"); // as EventSource sends it; Javalin answers an event stream only then
      }
      h.putAll(headers);
      StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
      h.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
      OutputStream out = s.getOutputStream();
      out.write(req.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[1 << 16];
      StringBuilder text = new StringBuilder();
      try {
        for (int n = in.read(buf); n > 0; n = in.read(buf)) {
          text.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
          if (path.endsWith("/events") && text.indexOf("event: state") >= 0 && text.indexOf("\n\n", text.indexOf("event: state")) > 0) {
            break; // an event stream does not end: the first event is enough
          }
        }
      } catch (java.net.SocketTimeoutException e) {
        // an event stream: what came is what we check
      }
      String all = text.toString();
      if (all.isEmpty()) {
        throw new IOException("no answer to GET " + path);
      }
      int end = all.indexOf("\r\n\r\n");
      String head = end < 0 ? all : all.substring(0, end);
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      return new Response(status, head, end < 0 ? "" : all.substring(end + 4));
    }
  }

  static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.toList()) {
        String rel = dir.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          out.put(rel, "link → " + Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p)) {
          out.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
              + " " + Files.getLastModifiedTime(p).toMillis());
        } else {
          out.put(rel, "dir");
        }
      }
    }
    return out;
  }
}
