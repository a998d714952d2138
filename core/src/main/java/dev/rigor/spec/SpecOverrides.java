package dev.rigor.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --set key=value} to a spec tree before validation, so overrides are validated like
 * the file itself. {@code key} is a dotted path ({@code jobs}, {@code limits.memory},
 * {@code params.pdfs}); a bare name that is not a top-level key sets the matrix axis of that name
 * (to the one value, or to a list given as {@code [a, b]}) or else a fixed param.
 */
public final class SpecOverrides {

  public static final String SOURCE = "--set";

  private SpecOverrides() {}

  public static SpecNode apply(SpecNode root, List<String> assignments) throws SpecException {
    if (assignments.isEmpty()) {
      return root;
    }
    if (!(root instanceof SpecNode.MapNode top)) {
      return root;
    }
    for (String assignment : assignments) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new SpecException(new SpecError(SourcePosition.of(SOURCE + " " + assignment),
            "'" + assignment + "' is not key=value", "write e.g. --set jobs=4 or --set params.pdfs=20"));
      }
      String key = assignment.substring(0, eq).strip();
      SpecNode value = SpecTreeReader.readValue(SOURCE + " " + key, assignment.substring(eq + 1));
      top = set(top, path(top, key), value);
    }
    return top;
  }

  private static List<String> path(SpecNode.MapNode top, String key) {
    List<String> path = List.of(key.split("\\."));
    if (path.size() > 1 || SpecReader.TOP_LEVEL_KEYS.contains(key)) {
      return path;
    }
    if (top.get("matrix") instanceof SpecNode.MapNode m && m.has(key)) {
      return List.of("matrix", key);
    }
    return List.of("params", key);
  }

  private static SpecNode.MapNode set(SpecNode.MapNode map, List<String> path, SpecNode value) {
    return set(map, path, value, false);
  }

  private static SpecNode.MapNode set(SpecNode.MapNode map, List<String> path, SpecNode value, boolean inMatrix) {
    String head = path.get(0);
    Map<String, SpecNode.Field> fields = new LinkedHashMap<>(map.fields());
    SpecNode.Field existing = fields.get(head);
    SourcePosition at = value.position();
    SpecNode replacement;
    if (path.size() == 1) {
      boolean axis = inMatrix && !head.equals("include") && !head.equals("exclude") && !(value instanceof SpecNode.ListNode);
      replacement = axis ? new SpecNode.ListNode(at, List.of(value)) : value;
    } else {
      SpecNode.MapNode child = existing != null && existing.value() instanceof SpecNode.MapNode m ? m
          : new SpecNode.MapNode(at, Map.of());
      replacement = set(child, path.subList(1, path.size()), value, !inMatrix && head.equals("matrix"));
    }
    fields.put(head, new SpecNode.Field(head, existing == null ? at : existing.keyPosition(), replacement));
    return new SpecNode.MapNode(map.position(), fields);
  }
}
