package dev.rigor.analysis;

import dev.rigor.store.RunRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the contrasts of a compare command: every candidate against the control, within one
 * experiment or across two, optionally within each group of {@code --by}.
 */
public final class Contrasts {

  private Contrasts() {}

  /**
   * Candidates and control selected in one experiment.
   *
   * @param by groups to compare within, or {@link Grouping} with no axes for one comparison each
   * @param notes receives a line for every group left out because one side has no run in it
   */
  public static List<Contrast> within(RunValues values, Selector control, List<Selector> candidates, Grouping by,
      List<String> notes) throws AnalysisException {
    Experiment e = values.experiment();
    List<RunRecord> controlRuns = control.select(e, "--control");
    List<Contrast> out = new ArrayList<>();
    for (Selector candidate : candidates) {
      List<RunRecord> candidateRuns = candidate.select(e, "--candidate");
      requireDisjoint(control, controlRuns, candidate, candidateRuns);
      Set<String> fixed = new HashSet<>(control.keys());
      fixed.addAll(candidate.keys());
      List<String> axes = pairingAxes(List.of(e), fixed, by);
      out.addAll(split(e, by, new Side(control.text(), values, controlRuns), new Side(candidate.text(), values, candidateRuns),
          axes, notes));
    }
    return out;
  }

  /**
   * The control from one experiment and the candidates from another (e.g. before and after a code
   * change); a selector that selects everything takes all runs of its experiment.
   */
  public static List<Contrast> across(RunValues controlValues, Selector control, RunValues candidateValues,
      List<Selector> candidates, Grouping by, List<String> notes) throws AnalysisException {
    Experiment a = controlValues.experiment();
    Experiment b = candidateValues.experiment();
    List<RunRecord> controlRuns = control.isAll() ? a.runs() : control.select(a, "--control");
    Side controlSide = new Side(label(a, control), controlValues, controlRuns);
    List<Contrast> out = new ArrayList<>();
    for (Selector candidate : candidates) {
      List<RunRecord> candidateRuns = candidate.isAll() ? b.runs() : candidate.select(b, "--candidate");
      Set<String> fixed = new HashSet<>(control.keys());
      fixed.addAll(candidate.keys());
      List<String> axes = pairingAxes(List.of(a, b), fixed, by);
      out.addAll(split(b, by, controlSide, new Side(label(b, candidate), candidateValues, candidateRuns), axes, notes));
    }
    return out;
  }

  private static String label(Experiment e, Selector s) {
    return s.isAll() ? e.name() : e.name() + ":" + s.text();
  }

  /** Variation attributes (matrix axes, ablation) that neither side fixes and that do not define the groups. */
  private static List<String> pairingAxes(List<Experiment> experiments, Set<String> fixed, Grouping by) {
    Set<String> axes = new LinkedHashSet<>();
    for (Experiment e : experiments) {
      axes.addAll(e.matrixAxes());
      if (e.hasAblations()) {
        axes.add(RunAttributes.ABLATION);
      }
    }
    axes.removeAll(fixed);
    axes.removeAll(by.axes());
    return List.copyOf(axes);
  }

  private static List<Contrast> split(Experiment order, Grouping by, Side control, Side candidate, List<String> axes,
      List<String> notes) {
    if (by.axes().isEmpty()) {
      return List.of(new Contrast(GroupKey.ALL, control, candidate, axes));
    }
    List<RunRecord> both = new ArrayList<>(control.runs());
    both.addAll(candidate.runs());
    // The sides never share a run (requireDisjoint, or two experiments): each group's runs split by side
    // without computing their keys again.
    Set<RunRecord> onControlSide = Collections.newSetFromMap(new IdentityHashMap<>());
    onControlSide.addAll(control.runs());
    List<Contrast> out = new ArrayList<>();
    for (Group g : by.apply(order, both)) {
      Map<Boolean, List<RunRecord>> sides = g.runs().stream().collect(Collectors.partitioningBy(onControlSide::contains));
      List<RunRecord> c = sides.get(true);
      List<RunRecord> k = sides.get(false);
      if (c.isEmpty() || k.isEmpty()) {
        notes.add(g.key().label() + ": left out, " + (c.isEmpty() ? "the control (" + control.label() + ")" : "the candidate ("
            + candidate.label() + ")") + " has no run there");
        continue;
      }
      out.add(new Contrast(g.key(), new Side(control.label(), control.values(), c), new Side(candidate.label(), candidate.values(), k), axes));
    }
    return out;
  }

  private static void requireDisjoint(Selector control, List<RunRecord> controlRuns, Selector candidate,
      List<RunRecord> candidateRuns) throws AnalysisException {
    Set<String> ids = new HashSet<>();
    controlRuns.forEach(r -> ids.add(r.meta().runId()));
    long shared = candidateRuns.stream().filter(r -> ids.contains(r.meta().runId())).count();
    if (shared > 0) {
      throw new AnalysisException("--candidate '" + candidate.text() + "' and --control '" + control.text() + "' share "
          + shared + " run(s); a run cannot be on both sides — make the selectors differ on some parameter");
    }
  }
}
