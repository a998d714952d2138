package dev.rigor.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.testing.CliRun;
import dev.rigor.testing.Golden;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error of a bad spec is reported at once, with position, the offending line, a caret and a fix; exit 2. */
class SpecErrorsGoldenTest {

  private static final Path RESOURCES = CliRun.repo().resolve("core/src/test/resources");

  @ParameterizedTest
  @ValueSource(strings = {"many-errors.yaml", "syntax-error.yaml", "command-string.json", "placeholders.yaml"})
  void reportsEveryErrorWithPositionAndFix(String spec) {
    CliRun run = CliRun.in(RESOURCES, "plan", "specs/" + spec);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    Golden.assertMatches("spec-errors/" + spec + ".txt", run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"many-errors.yaml", "placeholders.yaml"})
  void runWritesNothingForABadSpec(String spec, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    java.nio.file.Files.copy(RESOURCES.resolve("specs/" + spec), tmp.resolve(spec));

    CliRun run = CliRun.in(tmp, "run", spec);

    assertThat(run.exitCode()).isEqualTo(2);
    try (var files = java.nio.file.Files.list(tmp)) {
      assertThat(files).containsExactly(tmp.resolve(spec));
    }
  }
}
