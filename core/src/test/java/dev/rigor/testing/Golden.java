package dev.rigor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code core/src/test/resources/golden/}: the expected output of a plan, a
 * report or an error message. Regenerated only deliberately, with {@code -Dgolden.update=true}.
 */
public final class Golden {

  private static final Path ROOT = Path.of(System.getProperty("rigor.repo", "."), "core/src/test/resources/golden");

  private Golden() {}

  /** Asserts that {@code actual} equals the golden file {@code name} (or rewrites it when updating). */
  public static void assertMatches(String name, String actual) {
    Path file = ROOT.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual);
        return;
      }
      assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).exists();
      assertThat(actual).as("output differs from golden file %s (regenerate deliberately with -Dgolden.update=true)", file)
          .isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
