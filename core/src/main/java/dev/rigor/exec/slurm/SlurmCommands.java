package dev.rigor.exec.slurm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs SLURM's client commands ({@code sbatch}, {@code squeue}, {@code scancel}, {@code sacct},
 * {@code scontrol}) and returns what they print. Every call is counted, so the cost of watching is
 * visible (one {@code squeue} per poll interval whatever the number of jobs).
 */
final class SlurmCommands {

  /** What a command printed and how it exited. */
  record Output(int exitCode, String out, String err) {
    boolean ok() {
      return exitCode == 0;
    }

    String message() {
      String text = (err.isBlank() ? out : err).strip();
      return text.isEmpty() ? "exit code " + exitCode : text;
    }
  }

  private static final long TIMEOUT_SECONDS = 120;

  final AtomicLong squeueCalls = new AtomicLong();

  /** Where {@code command} is found on PATH, or null. */
  static Path which(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  Output run(List<String> argv) throws IOException {
    if (argv.get(0).equals("squeue")) {
      squeueCalls.incrementAndGet();
    }
    Path out = Files.createTempFile("rigor-slurm", ".out");
    Path err = Files.createTempFile("rigor-slurm", ".err");
    try {
      Process p = new ProcessBuilder(argv).redirectInput(new File("/dev/null"))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", argv.subList(0, Math.min(2, argv.size()))) + " did not answer within " + TIMEOUT_SECONDS + " s");
      }
      return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + argv.get(0), e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static List<String> argv(String... parts) {
    return new ArrayList<>(List.of(parts));
  }
}
