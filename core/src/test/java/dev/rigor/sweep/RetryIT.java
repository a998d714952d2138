package dev.rigor.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import dev.rigor.store.StoreJson;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries that fit rate limits: only runs matching {@code when} are retried, after the backoff, and the wait is shown. */
class RetryIT {

  @TempDir Path tmp;

  @Test
  void onlyMatchingRunsAreRetriedAfterTheBackoff() throws Exception {
    // n=1: exit 75 on its first attempt; n=2: "429 rate limit" on stderr and exit 1; n=3: exit 3 always; n=4: ok
    Experiments.spec(tmp, "r.yaml", """
        name: r
        command: [sh, -c, 'echo x >> "%s/tries-{n}"; t=$(wc -l < "%s/tries-{n}"); if [ "$t" -gt 1 ]; then exit 0; fi; case {n} in 1) exit 75;; 2) echo "HTTP 429: rate limit exceeded" >&2; exit 1;; 3) exit 3;; esac']
        matrix: {n: [1, 2, 3, 4]}
        jobs: 4
        retries: {max: 3, when: {exit_codes: [75], output: "(?i)rate limit"}, backoff: {initial: 1s, max: 1s}}
        """.formatted(tmp, tmp));
    CliRun run = CliRun.in(tmp, "run", "r.yaml", "--no-report");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    ExperimentDirectory dir = Experiments.dir(tmp, "r");
    Map<String, RunMeta> latest = Experiments.metas(dir).stream().collect(Collectors.toMap(m -> String.valueOf(m.params().get("n")), m -> m));
    assertThat(latest.get("1").status()).isEqualTo(RunStatus.OK);
    assertThat(latest.get("1").attempt()).isEqualTo(2);
    assertThat(latest.get("2").status()).isEqualTo(RunStatus.OK);
    assertThat(latest.get("2").attempt()).isEqualTo(2);
    assertThat(latest.get("3").status()).as("exit 3 does not match 'when'").isEqualTo(RunStatus.FAILED);
    assertThat(latest.get("3").attempt()).isEqualTo(1);
    assertThat(latest.get("4").attempt()).isEqualTo(1);
    for (String n : new String[] {"1", "2"}) {
      RunMeta retry = latest.get(n);
      RunMeta first = StoreJson.read(dir.run(retry.runId()).root().resolve("attempts/1/meta.json"), RunMeta.class);
      double waited = retry.startTimeUnixS() - first.endTimeUnixS();
      assertThat(waited).as("equal jitter: between half and all of the 1 s backoff (n=%s)", n).isGreaterThanOrEqualTo(0.45);
    }
    assertThat(run.err()).containsPattern("retry \\S*n1\\S*: attempt 1 failed: exit code 75 \\(exit 75\\); attempt 2 in [0-9.]+(ms|s)")
        .containsPattern("retry \\S*n2\\S*: attempt 1 failed.*\\(output matched /\\(\\?i\\)rate limit/\\); attempt 2 in");
  }
}
