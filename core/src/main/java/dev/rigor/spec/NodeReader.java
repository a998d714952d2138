package dev.rigor.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Typed access to {@link SpecNode}s that records a {@link SpecError} (and returns {@code null})
 * instead of throwing, so that every problem in a spec is reported in one go.
 */
final class NodeReader {

  private final List<SpecError> errors = new ArrayList<>();

  List<SpecError> errors() {
    return errors;
  }

  void error(SourcePosition at, String what, String fix) {
    errors.add(new SpecError(at, what, fix));
  }

  /** Reports keys of {@code map} outside {@code allowed}, with a did-you-mean. */
  void checkKeys(SpecNode.MapNode map, String where, Collection<String> allowed) {
    for (SpecNode.Field field : map.fields().values()) {
      if (!allowed.contains(field.key())) {
        error(field.keyPosition(), "unknown key '" + field.key() + "'" + (where.isEmpty() ? "" : " in " + where),
            DidYouMean.hint(field.key(), allowed));
      }
    }
  }

  SpecNode.MapNode map(SpecNode node, String what, String example) {
    if (node instanceof SpecNode.MapNode m) {
      return m;
    }
    error(node.position(), "'" + what + "' must be a map, not " + node.kind(), "write e.g. " + example);
    return null;
  }

  List<SpecNode> list(SpecNode node, String what, String example) {
    if (node instanceof SpecNode.ListNode l) {
      return l.items();
    }
    error(node.position(), "'" + what + "' must be a list, not " + node.kind(), "write e.g. " + example);
    return null;
  }

  /** A list, or a single scalar taken as a one-element list. */
  List<SpecNode> listOrOne(SpecNode node) {
    return node instanceof SpecNode.ListNode l ? l.items() : List.of(node);
  }

  String string(SpecNode node, String what, String example) {
    if (node instanceof SpecNode.ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
      return String.valueOf(s.value());
    }
    error(node.position(), "'" + what + "' must be text, not " + node.kind(), "write e.g. " + example);
    return null;
  }

  Long integer(SpecNode node, String what, long min, String example) {
    if (node instanceof SpecNode.ScalarNode s && s.value() instanceof Long l) {
      if (l < min) {
        error(node.position(), "'" + what + "' must be at least " + min + ", not " + l, "write e.g. " + example);
        return null;
      }
      return l;
    }
    error(node.position(), "'" + what + "' must be an integer, not " + describe(node), "write e.g. " + example);
    return null;
  }

  Double number(SpecNode node, String what, String example) {
    if (node instanceof SpecNode.ScalarNode s && (s.value() instanceof Long || s.value() instanceof Double)) {
      return ((Number) s.value()).doubleValue();
    }
    error(node.position(), "'" + what + "' must be a number, not " + describe(node), "write e.g. " + example);
    return null;
  }

  Boolean bool(SpecNode node, String what) {
    if (node instanceof SpecNode.ScalarNode s && s.value() instanceof Boolean b) {
      return b;
    }
    error(node.position(), "'" + what + "' must be true or false, not " + describe(node), "write " + what + ": true");
    return null;
  }

  /** A parameter value: text, integer, number or boolean. */
  Object scalar(SpecNode node, String what) {
    if (node instanceof SpecNode.ScalarNode s && s.value() != null) {
      return s.value();
    }
    error(node.position(), "'" + what + "' must be a single value (text, number or boolean), not " + node.kind(),
        node instanceof SpecNode.ScalarNode ? "give it a value" : "pass structured values as a JSON string, e.g. '[64, 64]'");
    return null;
  }

  /** One of the lower-case names of {@code type}'s constants. */
  <E extends Enum<E>> E choice(SpecNode node, String what, Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (node instanceof SpecNode.ScalarNode s && s.value() instanceof String text) {
      int i = names.indexOf(text.toLowerCase(java.util.Locale.ROOT));
      if (i >= 0) {
        return type.getEnumConstants()[i];
      }
      error(node.position(), "'" + what + "' cannot be '" + text + "'", DidYouMean.hint(text, names));
      return null;
    }
    error(node.position(), "'" + what + "' must be one of " + String.join(", ", names) + ", not " + describe(node),
        "write e.g. " + what + ": " + names.get(0));
    return null;
  }

  /** A template; numbers and booleans count as their text ({@code [sleep, 1]}). */
  Template template(SpecNode node, String what, String example) {
    String text = node instanceof SpecNode.ScalarNode s && (s.value() instanceof Number || s.value() instanceof Boolean)
        ? String.valueOf(s.value()) : string(node, what, example);
    if (text == null) {
      return null;
    }
    try {
      return Template.parse(text);
    } catch (IllegalArgumentException e) {
      error(node.position(), e.getMessage() + " in '" + what + "'", "write placeholders as {name} and literal braces as {{ }}");
      return null;
    }
  }

  static String describe(SpecNode node) {
    if (node instanceof SpecNode.ScalarNode s && s.value() != null) {
      return node.kind() + " (" + (s.value() instanceof String ? "\"" + s.value() + "\"" : s.value()) + ")";
    }
    return node.kind();
  }
}
