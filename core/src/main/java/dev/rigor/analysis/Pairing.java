package dev.rigor.analysis;

import dev.rigor.store.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether two sets of runs are compared as pairs, and which runs pair up. Runs pair when they agree on
 * every pairing attribute: the seed, the replicate and every variation attribute the sides do not
 * select on (so {@code policy=fifo} vs {@code policy=full} pairs runs of the same workflows, ablation
 * and seed). Seeds are shared by all variations (DESIGN.md §3), so this is the common case; it removes
 * the seed-to-seed variance from the comparison.
 *
 * @param paired whether the design is paired
 * @param pairs matched (control, candidate) runs, in a stable order; empty when unpaired
 * @param explanation one line for the user: the design and why
 */
public record Pairing(boolean paired, List<RunPair> pairs, String explanation) {

  /** A control run and the candidate run it is paired with. */
  public record RunPair(RunRecord control, RunRecord candidate) {}

  public Pairing {
    pairs = List.copyOf(pairs);
  }

  /**
   * Decides the design.
   *
   * @param control the control's ok runs
   * @param candidate the candidate's ok runs
   * @param axes the variation attributes runs must agree on besides seed and replicate
   * @throws AnalysisException when {@link PairingMode#SEED} asks for pairs that cannot be formed
   */
  public static Pairing decide(List<RunRecord> control, List<RunRecord> candidate, List<String> axes, PairingMode mode)
      throws AnalysisException {
    if (mode == PairingMode.NONE) {
      return unpaired("--paired-by none");
    }
    List<String> keyAxes = new ArrayList<>(axes);
    keyAxes.add(RunAttributes.SEED);
    keyAxes.add(RunAttributes.REPLICATE);
    if (hasRunWithoutSeed(control) || hasRunWithoutSeed(candidate)) {
      return refuseOr(mode, "some runs have no seed");
    }
    Map<String, RunRecord> a = byKey(control, keyAxes);
    Map<String, RunRecord> b = byKey(candidate, keyAxes);
    if (a == null || b == null) {
      return refuseOr(mode, "several " + (a == null ? "control" : "candidate") + " runs share the same "
          + String.join(", ", keyAxes) + " (select fewer variations per side)");
    }
    List<RunPair> pairs = new ArrayList<>();
    a.forEach((key, run) -> {
      RunRecord partner = b.get(key);
      if (partner != null) {
        pairs.add(new RunPair(run, partner));
      }
    });
    int unmatched = a.size() + b.size() - 2 * pairs.size();
    String by = "paired by " + shownAxes(pairs, keyAxes);
    if (unmatched == 0 && !pairs.isEmpty()) {
      return new Pairing(true, pairs, by + " (" + pairs.size() + " pairs)");
    }
    String why = unmatched + " of " + (a.size() + b.size()) + " runs have no partner with the same " + String.join(", ", keyAxes)
        + " (e.g. " + example(a, b) + ")";
    if (mode == PairingMode.AUTO && (pairs.size() < 2 || 2 * pairs.size() < Math.max(a.size(), b.size()))) {
      // Mostly different keys: the sides were not run on the same seeds, so there is no design to pair.
      return unpaired(pairs.size() < 2 ? why : why + "; --paired-by seed pairs the " + pairs.size() + " that match");
    }
    if (pairs.size() < 2) {
      throw new AnalysisException("--paired-by seed: only " + pairs.size() + " pair(s) can be formed; " + why);
    }
    return new Pairing(true, pairs, by + " (" + pairs.size() + " pairs; left out: " + why + ")");
  }

  private static Pairing refuseOr(PairingMode mode, String why) throws AnalysisException {
    if (mode == PairingMode.SEED) {
      throw new AnalysisException("--paired-by seed: cannot pair: " + why);
    }
    return unpaired(why);
  }

  private static Pairing unpaired(String why) {
    return new Pairing(false, List.of(), "unpaired: " + why);
  }

  private static boolean hasRunWithoutSeed(List<RunRecord> runs) {
    return runs.stream().anyMatch(r -> r.meta().seed() == null);
  }

  /** Runs by pairing key, sorted by key; null when two runs share a key. */
  private static Map<String, RunRecord> byKey(List<RunRecord> runs, List<String> keyAxes) {
    Map<String, RunRecord> out = new TreeMap<>();
    for (RunRecord r : runs) {
      if (out.put(key(r, keyAxes), r) != null) {
        return null;
      }
    }
    return out;
  }

  private static String key(RunRecord run, List<String> keyAxes) {
    StringBuilder b = new StringBuilder();
    for (String axis : keyAxes) {
      String v = RunAttributes.value(run, axis);
      b.append(axis).append('=').append(v == null ? "" : ValueText.comparable(v)).append('\u0000');
    }
    return b.toString();
  }

  /** The key attributes that vary among the pairs, and always the seed: what the user should read as "paired by". */
  private static String shownAxes(List<RunPair> pairs, List<String> keyAxes) {
    List<String> shown = new ArrayList<>();
    for (String axis : keyAxes) {
      Set<String> values = pairs.stream().map(p -> RunAttributes.value(p.control(), axis)).collect(Collectors.toSet());
      if (axis.equals(RunAttributes.SEED) || values.size() > 1) {
        shown.add(axis);
      }
    }
    return String.join(", ", shown);
  }

  private static String example(Map<String, RunRecord> a, Map<String, RunRecord> b) {
    Set<String> onlyA = new LinkedHashSet<>(a.keySet());
    onlyA.removeAll(b.keySet());
    if (!onlyA.isEmpty()) {
      return "control " + readable(onlyA.iterator().next());
    }
    Set<String> onlyB = new LinkedHashSet<>(b.keySet());
    onlyB.removeAll(a.keySet());
    return onlyB.isEmpty() ? "too few runs" : "candidate " + readable(onlyB.iterator().next());
  }

  private static String readable(String key) {
    return String.join(",", key.split("\u0000"));
  }
}
