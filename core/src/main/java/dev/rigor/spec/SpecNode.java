package dev.rigor.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML/JSON document that remembers where every key and value was written, so that
 * validation errors can point at the offending line and column.
 */
public sealed interface SpecNode {

  SourcePosition position();

  /** A short name of the node's kind for error messages ("a map", "a list", "text", …). */
  String kind();

  /** A key of a map together with the position of the key itself. */
  record Field(String key, SourcePosition keyPosition, SpecNode value) {}

  record MapNode(SourcePosition position, Map<String, Field> fields) implements SpecNode {
    public MapNode {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public SpecNode get(String key) {
      Field field = fields.get(key);
      return field == null ? null : field.value();
    }

    public boolean has(String key) {
      return fields.containsKey(key);
    }

    @Override
    public String kind() {
      return "a map";
    }
  }

  record ListNode(SourcePosition position, List<SpecNode> items) implements SpecNode {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A scalar: {@link String}, {@link Long}, {@link Double}, {@link Boolean}, or {@code null}. */
  record ScalarNode(SourcePosition position, Object value) implements SpecNode {
    @Override
    public String kind() {
      if (value == null) {
        return "null";
      }
      if (value instanceof String) {
        return "text";
      }
      if (value instanceof Boolean) {
        return "a boolean";
      }
      return value instanceof Long ? "an integer" : "a number";
    }
  }
}
