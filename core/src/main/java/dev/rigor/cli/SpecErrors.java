package dev.rigor.cli;

import dev.rigor.spec.SpecError;
import dev.rigor.spec.SpecException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints spec errors as {@code path:line:col: error: what — fix}, each with its source line and a caret. */
final class SpecErrors {

  private SpecErrors() {}

  static void print(SpecException e, PrintStream err, Path cwd) {
    Map<String, List<String>> sources = new HashMap<>();
    for (SpecError error : e.errors()) {
      err.println(error.message());
      if (!error.position().hasLine()) {
        continue;
      }
      List<String> lines = sources.computeIfAbsent(error.position().source(), s -> read(cwd.resolve(s)));
      int index = error.position().line() - 1;
      if (index >= 0 && index < lines.size()) {
        String line = lines.get(index);
        err.println("  " + line);
        err.println("  " + " ".repeat(Math.max(0, Math.min(line.length(), error.position().column() - 1))) + "^");
      }
    }
    int n = e.errors().size();
    err.println(n + (n == 1 ? " error" : " errors") + " in the spec; nothing was run or written.");
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
