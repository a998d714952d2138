package dev.rigor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a ledger writes nothing (no -wal or -shm left next to a finished experiment's ledger), and
 * {@link Ledger#readChanged} finds every record written since the last read — a replaced last row
 * (which keeps its rowid) included.
 */
class LedgerReadingTest {

  @TempDir Path dir;

  @Test
  void readingAFinishedLedgerLeavesNoFileBehind() throws Exception {
    Path file = dir.resolve("rigor.db");
    try (Ledger ledger = Ledger.open(file)) {
      ledger.record(LedgerReadTest.record("a", 1, RunStatus.OK));
    }
    List<String> before = names();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(before).containsExactly("rigor.db");
    assertThat(Ledger.readLatest(file)).hasSize(1);
    assertThat(Ledger.readChanged(file, 0).records()).hasSize(1);
    assertThat(names()).isEqualTo(before);
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void readChangedSeesEveryRecordSinceTheLastReadWhileTheWriterIsOpen() throws Exception {
    Path file = dir.resolve("rigor.db");
    Map<String, String> seen = new HashMap<>();
    long cursor = 0;
    try (Ledger ledger = Ledger.open(file)) {
      String[][] steps = {
        {"a", "running"}, {"b", "running"}, {"b", "ok"}, // the last row replaced: same rowid
        {"a", "failed"}, {"c", "running"}, {"c", "ok"}, {"c", "ok"}, {"a", "ok"}};
      for (String[] step : steps) {
        ledger.record(LedgerReadTest.record(step[0], 1, RunStatus.parse(step[1])));
        ledger.flush();
        assertThat(Files.exists(dir.resolve("rigor.db-wal"))).as("the writer's WAL").isTrue();
        Ledger.Changes changes = Ledger.readChanged(file, cursor);
        assertThat(changes.maxRowid()).isGreaterThanOrEqualTo(cursor);
        cursor = changes.maxRowid();
        changes.records().forEach(r -> seen.put(r.meta().runId(), r.meta().status().json()));
        assertThat(seen).as("after %s %s", step[0], step[1]).containsEntry(step[0], step[1]);
      }
    }
    assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("a", "ok", "b", "ok", "c", "ok"));
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
