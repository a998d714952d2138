package dev.rigor.metrics;

import dev.rigor.spec.MetricSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;

/** The last line matching a pattern; streamed, so gigabytes of output need no memory. */
final class RegexMetrics {

  private RegexMetrics() {}

  static void extract(MetricSpec.Regex spec, Path file, String source, ExtractionResult out) {
    if (!Files.isRegularFile(file)) {
      out.missing(spec.name(), source, "file not found");
      return;
    }
    String last = null;
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
      Matcher matcher = spec.pattern().matcher("");
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        matcher.reset(line);
        String found = null;
        while (matcher.find()) {
          found = matcher.groupCount() >= 1 ? matcher.group(1) : matcher.group();
        }
        if (found != null) {
          last = found;
        }
      }
    } catch (IOException e) {
      out.missing(spec.name(), source, "unreadable: " + e.getMessage());
      return;
    }
    if (last == null) {
      out.missing(spec.name(), source, "no line matched /" + spec.pattern().pattern() + "/");
      return;
    }
    Object value = convert(last, spec.type());
    if (value == null) {
      out.missing(spec.name(), source, "'" + last + "' is not " + spec.type().name().toLowerCase(Locale.ROOT));
    } else {
      out.put(spec.name(), value);
    }
  }

  static Object convert(String text, MetricSpec.ValueType type) {
    String t = text.strip();
    try {
      return switch (type) {
        case INT -> Long.parseLong(t);
        case FLOAT -> {
          double d = Double.parseDouble(t);
          yield Double.isFinite(d) ? d : null;
        }
        case BOOL -> switch (t.toLowerCase(Locale.ROOT)) {
          case "true", "yes", "1", "ok", "pass", "passed" -> Boolean.TRUE;
          case "false", "no", "0", "fail", "failed" -> Boolean.FALSE;
          default -> null;
        };
        case STRING -> text;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
