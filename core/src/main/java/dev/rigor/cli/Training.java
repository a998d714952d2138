package dev.rigor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's class-data-sharing training: runs, in one JVM, what users run — a tiny sweep, then
 * status, summary, compare, variance, power and the report (HTML, Markdown, PNG) on it — so that the
 * archive written at exit ({@code -XX:ArchiveClassesAtExit}) holds the classes and lambda forms of
 * every command, not only of {@code run}. Not a user command: {@code java -cp rigor.jar
 * dev.rigor.cli.Training DIR}.
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
}
