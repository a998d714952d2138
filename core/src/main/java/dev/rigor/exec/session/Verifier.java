package dev.rigor.exec.session;

import dev.rigor.spec.VerifySpec;
import dev.rigor.store.Transcript.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The file checks of {@code verify:}, each recorded with its outcome (the command is run by the session). */
final class Verifier {

  /** Characters of a file or an output quoted in a failed check's detail. */
  private static final int QUOTED = 200;

  private Verifier() {}

  static List<Verification> files(VerifySpec verify, Path workdir, Function<String, String> placeholders) {
    List<Verification> out = new ArrayList<>();
    for (VerifySpec.FileCheck check : verify.files()) {
      String relative = check.path().render(placeholders);
      Path file = workdir.resolve(relative).normalize();
      boolean exists = Files.isRegularFile(file);
      boolean mustExist = !Boolean.FALSE.equals(check.exists());
      if (!mustExist) {
        out.add(new Verification("file", relative, "does not exist", !Files.exists(file), Files.exists(file) ? "it exists" : null));
        continue;
      }
      out.add(new Verification("file", relative, "exists", exists, exists ? null : "no such file in " + workdir));
      if (check.contains() == null && check.equals() == null && check.matches() == null) {
        continue;
      }
      String content = exists ? read(file) : null;
      if (check.contains() != null) {
        String expected = check.contains().render(placeholders);
        boolean ok = content != null && content.contains(expected);
        out.add(new Verification("file", relative, "contains " + quote(expected), ok, ok ? null : got(content)));
      }
      if (check.equals() != null) {
        String expected = check.equals().render(placeholders);
        boolean ok = content != null && content.equals(expected);
        out.add(new Verification("file", relative, "equals " + quote(expected), ok, ok ? null : got(content)));
      }
      if (check.matches() != null) {
        boolean ok = content != null && check.matches().matcher(content).find();
        out.add(new Verification("file", relative, "matches /" + check.matches().pattern() + "/", ok, ok ? null : got(content)));
      }
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static String got(String content) {
    return content == null ? "file missing or unreadable" : "content: " + quote(content);
  }

  static String quote(String text) {
    String shown = text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text;
    return "\"" + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\"", "\\\"") + "\"";
  }
}
