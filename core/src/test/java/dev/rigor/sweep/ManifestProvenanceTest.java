package dev.rigor.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.StoreJson;
import dev.rigor.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** manifest.json records where a result came from: code version, machine, command, spec — per session. */
class ManifestProvenanceTest {

  @TempDir Path dir;

  @Test
  void recordsTheGitStateTheMachineTheCommandAndTheSpecOfEverySession() throws Exception {
    git("init", "-q");
    git("config", "user.email", "t@example.org");
    git("config", "user.name", "t");
    Files.writeString(dir.resolve("exp.yaml"), "name: prov\ncommand: [\"true\"]\nmatrix: {i: [1, 2]}\n");
    git("add", "exp.yaml");
    git("commit", "-q", "-m", "spec");
    String head = git("rev-parse", "HEAD").strip();

    CliRun first = CliRun.in(dir, "run", "exp.yaml", "--quiet", "--no-report");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    Files.writeString(dir.resolve("exp.yaml"), "name: prov\ncommand: [\"true\"]\nmatrix: {i: [1, 2, 3]}\n"); // uncommitted
    CliRun second = CliRun.in(dir, "run", "exp.yaml", "--resume", "--quiet", "--no-report");
    assertThat(second.exitCode()).as(second.toString()).isZero();

    Map<String, Object> manifest = StoreJson.readMap(dir.resolve("runs/prov/manifest.json"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sessions = (List<Map<String, Object>>) manifest.get("sessions");
    assertThat(sessions).hasSize(2);
    Map<String, Object> clean = sessions.get(0);
    Map<String, Object> dirty = sessions.get(1);
    assertThat(clean.get("git")).isEqualTo(Map.of("commit", head, "branch", branch(), "dirty", false,
        "diff_sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    @SuppressWarnings("unchecked")
    Map<String, Object> dirtyGit = (Map<String, Object>) dirty.get("git");
    assertThat(dirtyGit).containsEntry("commit", head).containsEntry("dirty", true);
    assertThat(((Map<?, ?>) dirty.get("git")).get("diff_sha256")).isNotEqualTo(((Map<?, ?>) clean.get("git")).get("diff_sha256"));
    assertThat(clean.get("command_line")).isEqualTo(List.of("rigor", "run", "exp.yaml", "--quiet", "--no-report"));
    assertThat(dirty.get("resumed")).isEqualTo(true);
    assertThat(clean.get("spec_hash")).asString().hasSize(64).isNotEqualTo(dirty.get("spec_hash"));
    assertThat(clean).containsKeys("host", "os", "cpu_model", "cores", "memory_bytes", "java", "user", "rigor_version",
        "started_unix_s", "ended_unix_s", "measurement", "jobs", "spec_source");
    assertThat(((Number) clean.get("ended_unix_s")).doubleValue()).isGreaterThanOrEqualTo(((Number) clean.get("started_unix_s")).doubleValue());
    assertThat(((Number) clean.get("memory_bytes")).longValue()).isPositive();
    assertThat(((Map<?, ?>) clean.get("java")).get("version")).isEqualTo(System.getProperty("java.version"));
  }

  private String branch() throws Exception {
    return git("rev-parse", "--abbrev-ref", "HEAD").strip();
  }

  private String git(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
    return out;
  }
}
