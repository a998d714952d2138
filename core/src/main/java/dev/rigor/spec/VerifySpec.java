package dev.rigor.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code verify:} — checks run after a session ended by {@code end}: files in its working directory,
 * and a command (exit 0 passes).
 *
 * @param command the check's argv template, or empty for none
 */
public record VerifySpec(List<FileCheck> files, List<Template> command) {

  public VerifySpec {
    files = List.copyOf(files);
    command = List.copyOf(command);
  }

  /**
   * One file, relative to the session's working directory. Each non-null expectation is checked.
   *
   * @param exists whether the file must exist ({@code false}: must not); {@code null} means "exists" when anything else is asked
   * @param contains text the file must contain (a template, like {@code equals})
   * @param equals the file's whole expected content
   * @param matches a regular expression the content must match (find)
   */
  public record FileCheck(Template path, Boolean exists, Template contains, Template equals, Pattern matches) {}
}
