package dev.rigor.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A named variant applied on top of every matrix combination: extra argv flags and/or parameter overrides. */
public record Ablation(String name, List<String> flags, Map<String, Object> params) {

  public static final Ablation BASELINE = new Ablation("baseline", List.of(), Map.of());

  public Ablation {
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("bad ablation name: " + name);
    }
    flags = List.copyOf(flags);
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
