package dev.rigor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** meta.json is replaced atomically: a reader racing the writer never sees a partial file. */
class AtomicMetaTest {

  @TempDir Path tmp;

  private static RunMeta meta(int i) {
    // sizes vary a lot, so a torn write would show up as unparsable JSON
    Map<String, Object> params = Map.of("padding", "x".repeat((i * 7919) % 20000), "i", i);
    return new RunMeta(RunMeta.SCHEMA, "run", "0123456789ab", "e", params, Map.of(), 1L, 1, "baseline", List.of(), List.of("sh"),
        "/", "h", i, i % 2 == 0 ? RunStatus.RUNNING : RunStatus.OK, 0, null, 1.0, 2.0, 1.0, 0.5, 10L, Measurement.PROC, null,
        null, null, List.of(), null, 1L, null);
  }

  @Test
  void concurrentReadersNeverSeeAHalfWrittenMeta() throws Exception {
    RunDirectory run = new RunDirectory(tmp.resolve("run"));
    Files.createDirectories(run.root());
    run.writeMeta(meta(0));
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger torn = new AtomicInteger();
    Thread reader = new Thread(() -> {
      while (writing.get()) {
        try {
          RunMeta m = StoreJson.read(run.meta(), RunMeta.class);
          assertThat(m.runId()).isEqualTo("run");
          reads.incrementAndGet();
        } catch (NoSuchFileException e) {
          torn.incrementAndGet(); // the file must never be missing either
        } catch (Exception e) {
          torn.incrementAndGet();
        }
      }
    });
    reader.start();
    for (int i = 1; i <= 3000; i++) {
      run.writeMeta(meta(i));
    }
    writing.set(false);
    reader.join();

    assertThat(torn.get()).isZero();
    assertThat(reads.get()).isGreaterThan(100);
    assertThat(run.readMeta().attempt()).isEqualTo(3000);
    try (var files = Files.list(run.root())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("meta.json");
    }
  }
}
