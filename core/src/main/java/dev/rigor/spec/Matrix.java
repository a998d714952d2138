package dev.rigor.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Axes whose cartesian product, in spec order, gives the combinations; then GitHub-Actions-style
 * {@code exclude} (drop combinations matching every given key) and {@code include} (add keys to the
 * combinations whose axis values match, or add a new combination when none match).
 */
public record Matrix(Map<String, List<Object>> axes, List<Map<String, Object>> include, List<Map<String, Object>> exclude) {

  public static final Matrix EMPTY = new Matrix(Map.of(), List.of(), List.of());

  public Matrix {
    Map<String, List<Object>> copy = new LinkedHashMap<>();
    axes.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new java.util.ArrayList<>(v))));
    axes = Collections.unmodifiableMap(copy);
    include = include.stream().map(Matrix::frozen).toList();
    exclude = exclude.stream().map(Matrix::frozen).toList();
  }

  private static Map<String, Object> frozen(Map<String, Object> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
