package dev.rigor.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Text with {@code {name}} placeholders; {@code {{} and {@code }}} are literal braces. Parsed once
 * at load time so that unknown or malformed placeholders are spec errors, not run-time surprises.
 */
public final class Template {

  private sealed interface Part {}

  private record Literal(String text) implements Part {}

  private record Placeholder(String name) implements Part {}

  private final String raw;
  private final List<Part> parts;

  private Template(String raw, List<Part> parts) {
    this.raw = raw;
    this.parts = List.copyOf(parts);
  }

  public static Template literal(String text) {
    return new Template(text.replace("{", "{{").replace("}", "}}"), List.of(new Literal(text)));
  }

  /** Parses {@code raw}; throws {@link IllegalArgumentException} with a readable reason when malformed. */
  public static Template parse(String raw) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
        text.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
        text.append('}');
        i += 2;
      } else if (c == '{') {
        int end = raw.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed '{' at character " + (i + 1) + " of \"" + raw + "\"");
        }
        String name = raw.substring(i + 1, end).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
          throw new IllegalArgumentException("bad placeholder '{" + raw.substring(i + 1, end) + "}' in \"" + raw + "\"");
        }
        if (text.length() > 0) {
          parts.add(new Literal(text.toString()));
          text.setLength(0);
        }
        parts.add(new Placeholder(name));
        i = end + 1;
      } else if (c == '}') {
        throw new IllegalArgumentException("unmatched '}' at character " + (i + 1) + " of \"" + raw + "\" (write '}}' for a literal brace)");
      } else {
        text.append(c);
        i++;
      }
    }
    if (text.length() > 0) {
      parts.add(new Literal(text.toString()));
    }
    return new Template(raw, parts);
  }

  /** The placeholder names, in order of first use. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Part part : parts) {
      if (part instanceof Placeholder p) {
        names.add(p.name());
      }
    }
    return names;
  }

  public boolean isConstant() {
    return names().isEmpty();
  }

  /** Fills the placeholders; {@code values} must know every name (validated at load time). */
  public String render(Function<String, String> values) {
    if (parts.size() == 1 && parts.get(0) instanceof Literal l) {
      return l.text();
    }
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal l) {
        out.append(l.text());
      } else {
        String name = ((Placeholder) part).name();
        String value = values.apply(name);
        if (value == null) {
          throw new IllegalStateException("no value for placeholder {" + name + "} in \"" + raw + "\"");
        }
        out.append(value);
      }
    }
    return out.toString();
  }

  /** The template as written in the spec. */
  public String raw() {
    return raw;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Template t && t.raw.equals(raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  @Override
  public String toString() {
    return raw;
  }
}
