package dev.rigor.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --set key=value} to a spec tree before validation, so overrides are validated like
 * the file itself. {@code key} is a dotted path ({@code jobs}, {@code limits.memory},
 * {@code params.pdfs}); a bare name that is not a top-level key sets the matrix axis of that name
 * (to the one value, or to a list given as {@code [a, b]}) or else a fixed param.
 *
 * <p>Overriding a param or axis the spec does not have is an error with did-you-mean ({@code --set epsilom=0.1}
 * would otherwise add a param no trial reads); adding one takes {@code +key=value}, Hydra's convention.
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
      boolean add = key.startsWith("+");
      key = add ? key.substring(1).strip() : key;
      SpecNode value = SpecTreeReader.readValue(SOURCE + " " + key, assignment.substring(eq + 1));
      List<String> path = path(top, key);
      if (!add) {
        requireExisting(top, path, key, assignment);
      }
      top = set(top, path, value);
    }
    return top;
  }

  /** A param or matrix axis must exist to be overridden; other keys are checked by {@link SpecReader} as in the file. */
  private static void requireExisting(SpecNode.MapNode top, List<String> path, String key, String assignment) throws SpecException {
    if (path.size() != 2 || !(path.get(0).equals("params") || path.get(0).equals("matrix"))) {
      return;
    }
    if (top.get(path.get(0)) instanceof SpecNode.MapNode section && section.has(path.get(1))) {
      return;
    }
    java.util.Set<String> known = new java.util.TreeSet<>();
    for (String s : List.of("params", "matrix")) {
      if (top.get(s) instanceof SpecNode.MapNode m) {
        m.fields().keySet().stream().filter(k -> !k.equals("include") && !k.equals("exclude")).forEach(known::add);
      }
    }
    String hint = DidYouMean.closest(path.get(1), known);
    throw new SpecException(new SpecError(SourcePosition.of(SOURCE + " " + assignment),
        "unknown " + (path.get(0).equals("matrix") ? "matrix axis" : "param") + " '" + path.get(1) + "'"
            + (hint == null ? "" : " — did you mean '" + hint + "'?"),
        "the spec's params and axes: " + (known.isEmpty() ? "(none)" : String.join(", ", known)) + "; to add a new one write --set +"
            + key + "=" + assignment.substring(assignment.indexOf('=') + 1)));
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
