package dev.rigor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads a ledger without writing a byte to the experiment directory, even while a coordinator writes.
 *
 * <p>A read-only SQLite connection to a WAL database creates the {@code -wal} and {@code -shm} files
 * when they do not exist (a finished experiment has neither: the writer removes them on close), and
 * leaves them behind. So: while the {@code -wal} file exists (a coordinator has the ledger open) the
 * connection is a plain read-only one, which then only maps the existing files; when it does not,
 * the database is opened {@code immutable} (no locks, no side files), and the read is trusted only if
 * no writer appeared meanwhile (no {@code -wal}, the database file's size and time unchanged);
 * otherwise it is read again the first way.
 */
public final class LedgerReading {

  /** A read of an open connection. */
  @FunctionalInterface
  public interface Read<T> {
    T apply(Connection connection) throws SQLException, IOException;
  }

  private LedgerReading() {}

  public static <T> T read(Path ledger, Read<T> read) throws IOException {
    Path file = ledger.toAbsolutePath();
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    try {
      if (!Files.exists(wal)) {
        Object before = stamp(file);
        T result = readWith(file, "immutable=1", read);
        if (!Files.exists(wal) && before.equals(stamp(file))) {
          return result;
        }
      }
      return readWith(file, "mode=ro", read);
    } catch (SQLException e) {
      throw new IOException("cannot read the ledger " + ledger + ": " + e.getMessage(), e);
    }
  }

  private static <T> T readWith(Path file, String flags, Read<T> read) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?" + flags)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout=10000");
      }
      return read.apply(c);
    }
  }

  private static Object stamp(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return a.size() + "/" + a.lastModifiedTime().toMillis() + "/" + a.fileKey();
  }
}
