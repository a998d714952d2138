package dev.rigor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The launcher's class-data-sharing training: runs, in one JVM, what users run — a tiny sweep, then
 * status, summary, compare, variance, power and the report (HTML, Markdown, PNG) on it — so that the
 * archive written at exit ({@code -XX:ArchiveClassesAtExit}) holds the classes and lambda forms of
 * every command, not only of {@code run}. With a second directory it also extracts SQLite's native
 * library there, so that the launcher can have it loaded from that file: otherwise the driver copies
 * it out of the jar into the temporary directory and compares the copy byte by byte on every start
 * (about 40 ms of each command). Not a user command: {@code java -cp rigor.jar
 * dev.rigor.cli.Training DIR [NATIVE_DIR]}.
 */
public final class Training {

  private static final String SPEC = String.join("\n",
      "name: training",
      "command: [sh, -c, 'echo \"score=$((RIGOR_SEED * 7 % 5))\"']",
      "matrix: {v: [a, b]}",
      "seeds: [1, 2, 3, 4]",
      "metrics: [{regex: {file: stdout, pattern: 'score=([0-9]+)', name: score, type: float}}]",
      "goals: {score: max}",
      "");

  private Training() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 1) {
      try {
        extractSqlite(Path.of(args[1]));
      } catch (IOException e) {
        // the driver extracts the library itself, as without the launcher; the archive is still worth making
      }
    }
    Path dir = Path.of(args[0]).toAbsolutePath();
    Files.writeString(dir.resolve("training.yaml"), SPEC);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Rigor rigor = new Rigor(quiet, quiet, dir);
    String exp = "runs/training";
    int code = rigor.run("run", "training.yaml", "--quiet", "--no-report");
    for (String[] command : new String[][] {
        {"status", exp},
        {"summary", exp},
        {"compare", exp, "--control", "v=a"},
        {"variance", exp, "--metric", "score"},
        {"power", exp, "--metric", "score", "--effect", "5%"},
        {"report", exp, "--format", "html,md,png"}}) {
      code = Math.max(code, rigor.run(command));
    }
    System.exit(code);
  }

  /** Writes the driver's native library for this platform into {@code dir} (atomically), if the jar has one. */
  static void extractSqlite(Path dir) throws IOException {
    String name = LibraryLoaderUtil.getNativeLibName();
    try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
      if (library == null) {
        return; // no bundled library for this platform: the driver finds one itself
      }
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, name, ".tmp");
      Files.copy(library, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
