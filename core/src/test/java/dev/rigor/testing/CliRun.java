package dev.rigor.testing;

import dev.rigor.cli.Rigor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the CLI in-process in a working directory and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun in(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Rigor(o, e, cwd).run(args);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The repository root (the tests' working directory). */
  public static Path repo() {
    return Path.of(System.getProperty("rigor.repo", ".")).toAbsolutePath().normalize();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
  }
}
