package dev.rigor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.testing.Jar;
import dev.rigor.testing.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rigor serve} as its own process outlives what happens to the experiments it shows: a sweep
 * killed with SIGKILL (its runs stay "running" in the ledger, the coordinator is gone), and the
 * experiment directory deleted under it (it leaves the list, its API answers 404), while the server
 * keeps answering.
 */
class ServeResilienceIT {

  static final String SPEC = """
      name: slow
      command: [sh, -c, "sleep 60"]
      matrix: {x: [1, 2, 3, 4]}
      jobs: 2
      """;

  @TempDir Path tmp;

  @Test
  void theServerSurvivesAKilledSweepAndADeletedExperiment() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("runs"));
    Files.writeString(tmp.resolve("slow.yaml"), SPEC);
    Path serveLogs = Files.createDirectories(tmp.resolve("serve-logs"));
    Path sweepLogs = Files.createDirectories(tmp.resolve("sweep-logs"));
    Process server = Jar.start(tmp, serveLogs, "serve", "runs", "--port", "0");
    Process sweep = null;
    try {
      int port = port(serveLogs.resolve("rigor.out"));
      assertThat(ServeSafetyIT.get(port, "/api/experiments", Map.of()).body()).isEqualTo("[]");

      sweep = Jar.start(tmp, sweepLogs, "run", "slow.yaml", "--no-report");
      Waits.until("the sweep shows as running with two trials", Duration.ofSeconds(60), () -> body(port, "/api/experiments")
          .matches("(?s).*\"active\":true.*\"running\":2.*"));
      List<ProcessHandle> trials = sweep.descendants().toList();
      sweep.destroyForcibly().waitFor();
      trials.forEach(ProcessHandle::destroyForcibly);
      Waits.until("the dashboard sees the coordinator gone", Duration.ofSeconds(30), () -> body(port, "/api/experiments/slow")
          .contains("\"active\":false"));
      String detail = body(port, "/api/experiments/slow");
      assertThat(detail).contains("\"eta_s\":null").contains("\"running\":2");
      assertThat(ServeSafetyIT.get(port, "/experiments/slow", Map.of()).status()).isEqualTo(200);

      deleteTree(root.resolve("slow"));
      Waits.until("the deleted experiment leaves the list", Duration.ofSeconds(30), () -> body(port, "/api/experiments").equals("[]"));
      assertThat(ServeSafetyIT.get(port, "/api/experiments/slow", Map.of()).status()).isEqualTo(404);
      assertThat(ServeSafetyIT.get(port, "/api/experiments/slow/events", Map.of()).status()).isEqualTo(404);
      assertThat(ServeSafetyIT.get(port, "/", Map.of()).status()).isEqualTo(200);
      assertThat(server.isAlive()).as("the server is still up").isTrue();
    } finally {
      if (sweep != null) {
        sweep.descendants().forEach(ProcessHandle::destroyForcibly);
        sweep.destroyForcibly();
      }
      server.destroy();
      server.waitFor();
    }
  }

  private static String body(int port, String path) {
    try {
      return ServeSafetyIT.get(port, path, Map.of()).body();
    } catch (IOException e) {
      return "";
    }
  }

  static int port(Path out) {
    Pattern p = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
    int[] port = new int[1];
    Waits.until("rigor serve prints its URL", Duration.ofSeconds(60), () -> {
      try {
        Matcher m = p.matcher(Files.exists(out) ? Files.readString(out) : "");
        return m.find() && (port[0] = Integer.parseInt(m.group(1))) > 0;
      } catch (IOException e) {
        return false;
      }
    });
    return port[0];
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
