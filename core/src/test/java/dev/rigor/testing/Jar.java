package dev.rigor.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the real, packaged CLI ({@code core/target/rigor.jar}) as a separate JVM. */
public final class Jar {

  private Jar() {}

  public static Path path() {
    return Path.of(System.getProperty("rigor.jar", CliRun.repo().resolve("core/target/rigor.jar").toString()));
  }

  /** Starts {@code java -jar rigor.jar args…} in {@code cwd}, output to rigor.out and rigor.err in {@code cwd}. */
  public static Process start(Path cwd, String... args) throws IOException {
    return start(cwd, cwd, args);
  }

  /** As {@link #start(Path, String...)}, with the output files in {@code logs}. */
  public static Process start(Path cwd, Path logs, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", path().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(logs.resolve("rigor.out").toFile())
        .redirectError(logs.resolve("rigor.err").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().put("RIGOR_PROGRESS", "plain");
    return pb.start();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
