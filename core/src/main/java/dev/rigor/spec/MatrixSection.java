package dev.rigor.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates {@code matrix:} (axes, include, exclude). */
final class MatrixSection {

  private final NodeReader r;

  MatrixSection(NodeReader r) {
    this.r = r;
  }

  Matrix read(SpecNode node, Set<String> fixedParams) {
    SpecNode.MapNode map = r.map(node, "matrix", "matrix: {policy: [fifo, full], workflows: [5, 50]}");
    if (map == null) {
      return Matrix.EMPTY;
    }
    Map<String, List<Object>> axes = new LinkedHashMap<>();
    for (SpecNode.Field field : map.fields().values()) {
      if (field.key().equals("include") || field.key().equals("exclude")) {
        continue;
      }
      List<Object> values = axis(field, fixedParams);
      if (values != null) {
        axes.put(field.key(), values);
      }
    }
    Set<String> paramNames = new LinkedHashSet<>(fixedParams);
    List<Map<String, Object>> exclude = entries(map, "exclude", axes, Set.of());
    List<Map<String, Object>> include = entries(map, "include", axes, paramNames);
    return new Matrix(axes, include, exclude);
  }

  private List<Object> axis(SpecNode.Field field, Set<String> fixedParams) {
    String name = field.key();
    if (!SpecReader.checkParamName(r, name, field.keyPosition(), "matrix")) {
      return null;
    }
    if (fixedParams.contains(name)) {
      r.error(field.keyPosition(), "'" + name + "' is both a fixed param and a matrix axis",
          "remove it from params (the axis gives its values) or from matrix");
      return null;
    }
    SpecNode node = field.value();
    if (!(node instanceof SpecNode.ListNode list)) {
      r.error(node.position(), "matrix axis '" + name + "' must be a list of values, not " + NodeReader.describe(node),
          "write " + name + ": [" + (node instanceof SpecNode.ScalarNode s ? s.value() : "a, b") + "], or move it to params");
      return null;
    }
    if (list.items().isEmpty()) {
      r.error(node.position(), "matrix axis '" + name + "' is empty", "give it at least one value, or remove it");
      return null;
    }
    List<Object> values = new ArrayList<>();
    Set<Object> seen = new HashSet<>(); // an axis may have 100,000 values: no pairwise comparison
    for (SpecNode item : list.items()) {
      Object value = r.scalar(item, "matrix." + name + "[]");
      if (value == null) {
        continue;
      }
      if (!seen.add(Values.key(value))) {
        r.error(item.position(), "duplicate value " + Values.display(value) + " in matrix axis '" + name + "'", "list each value once");
        continue;
      }
      values.add(value);
    }
    return values;
  }

  /** include/exclude entries: maps whose keys are axes (and, for include, fixed params). */
  private List<Map<String, Object>> entries(SpecNode.MapNode matrix, String kind, Map<String, List<Object>> axes, Set<String> extra) {
    List<Map<String, Object>> entries = new ArrayList<>();
    if (!matrix.has(kind)) {
      return entries;
    }
    String example = kind + ": [{policy: fifo, workflows: 50}]";
    List<SpecNode> items = r.list(matrix.get(kind), "matrix." + kind, example);
    if (items == null) {
      return entries;
    }
    Set<String> allowed = new LinkedHashSet<>(axes.keySet());
    allowed.addAll(extra);
    for (SpecNode item : items) {
      SpecNode.MapNode m = r.map(item, "matrix." + kind + "[]", "{policy: fifo, workflows: 50}");
      if (m == null) {
        continue;
      }
      if (m.fields().isEmpty()) {
        r.error(m.position(), "an empty " + kind + " entry", "name at least one axis and its value");
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      for (SpecNode.Field f : m.fields().values()) {
        if (!allowed.contains(f.key())) {
          r.error(f.keyPosition(), kind + " names unknown axis '" + f.key() + "'", DidYouMean.hint(f.key(), allowed));
          continue;
        }
        Object value = r.scalar(f.value(), "matrix." + kind + "." + f.key());
        if (value != null) {
          entry.put(f.key(), value);
        }
      }
      entries.add(entry);
    }
    return entries;
  }
}
