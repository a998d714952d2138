package dev.rigor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ledger.readLatest: the last attempt of every run, in run-id order, across parse chunks. */
class LedgerReadTest {

  @TempDir Path dir;

  @Test
  void readsTheLastAttemptOfEveryRunInRunIdOrder() throws Exception {
    Path file = dir.resolve("rigor.db");
    List<String> expected = new ArrayList<>();
    try (Ledger ledger = Ledger.open(file)) {
      for (int i = 4_499; i >= 0; i--) { // more runs than one parse chunk, written out of order
        String runId = String.format(Locale.ROOT, "r%05d", i);
        int attempts = 1 + i % 3;
        for (int a = 1; a <= attempts; a++) {
          ledger.record(record(runId, a, a == attempts ? RunStatus.OK : RunStatus.FAILED));
        }
        expected.add(runId + "#" + attempts);
      }
    }
    expected.sort(null);
    List<RunRecord> latest = Ledger.readLatest(file);
    assertThat(latest).extracting(r -> r.meta().runId() + "#" + r.meta().attempt()).containsExactlyElementsOf(expected);
    assertThat(latest).allSatisfy(r -> {
      assertThat(r.meta().status()).isEqualTo(RunStatus.OK);
      assertThat(r.metrics().values()).containsEntry("attempt", (long) r.meta().attempt());
    });
  }

  @Test
  void aBatchKeepsEveryAttemptWithItsLastRecord() throws Exception {
    Path file = dir.resolve("rigor.db");
    try (Ledger ledger = Ledger.open(file)) { // queued within one batch window: running, then final, per attempt
      ledger.record(record("r", 1, RunStatus.RUNNING));
      ledger.record(record("r", 1, RunStatus.FAILED));
      ledger.record(record("r", 2, RunStatus.RUNNING));
      ledger.record(record("s", 1, RunStatus.RUNNING));
      ledger.record(record("s", 1, RunStatus.OK));
      assertThat(ledger.runCount()).isEqualTo(3); // a query sees the writes queued before it
      ledger.record(record("r", 2, RunStatus.OK));
    }
    assertThat(Ledger.readLatest(file)).extracting(r -> r.meta().runId() + "#" + r.meta().attempt() + " " + r.meta().status().json())
        .containsExactly("r#2 ok", "s#1 ok");
    try (Ledger ledger = Ledger.open(file)) {
      assertThat(ledger.runCount()).isEqualTo(3);
    }
  }

  static RunRecord record(String runId, int attempt, RunStatus status) {
    RunMeta meta = new RunMeta(RunMeta.SCHEMA, runId, runId, "ledger-read", Map.of("i", runId), Map.of("i", runId), 1L, 1,
        "baseline", List.of(), List.of("true"), null, null, attempt, status, status == RunStatus.OK ? 0 : 1, null,
        null, null, null, null, null, null, null, null, null, List.of(), null, null, null);
    return new RunRecord(meta, new RunMetrics(Map.of("attempt", attempt), List.of()));
  }
}
