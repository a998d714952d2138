package dev.rigor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/** The launcher's one-time extraction of SQLite's native library (loaded from that file by every later start). */
class TrainingTest {

  @TempDir Path dir;

  @Test
  void extractsTheDriversLibraryForThisPlatformWholeAndAtomically() throws Exception {
    Path lib = dir.resolve("native");
    Training.extractSqlite(lib);
    Training.extractSqlite(lib); // again over the first copy, as after a rebuild
    String name = LibraryLoaderUtil.getNativeLibName();
    byte[] bundled;
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
      bundled = in.readAllBytes();
    }
    assertThat(bundled).hasSizeGreaterThan(100_000);
    assertThat(Files.readAllBytes(lib.resolve(name))).isEqualTo(bundled);
    try (var files = Files.list(lib)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(name); // no temporary file left
    }
  }
}
