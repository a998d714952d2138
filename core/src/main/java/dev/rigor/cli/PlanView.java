package dev.rigor.cli;

import dev.rigor.plan.Plan;
import dev.rigor.plan.Trial;
import dev.rigor.plan.Variation;
import dev.rigor.report.Table;
import dev.rigor.spec.Values;
import dev.rigor.store.StoreJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How {@code rigor plan} and {@code rigor run --dry-run} show a plan. */
final class PlanView {

  private PlanView() {}

  /** "8 trials = 4 variations (2 combinations × 2 ablations) × 2 seeds × 1 replicate; order interleaved". */
  static String counts(Plan plan) {
    int ablations = plan.spec().ablations().size();
    int variations = plan.variations().size();
    int combos = variations / Math.max(1, ablations);
    int seeds = plan.seedCount();
    int replicates = plan.spec().replicates();
    return String.format(Locale.ROOT, "%d %s = %d %s (%d %s × %d %s) × %d %s × %d %s; order %s",
        plan.trials().size(), plural(plan.trials().size(), "trial"), variations, plural(variations, "variation"),
        combos, plural(combos, "combination"), ablations, plural(ablations, "ablation"),
        seeds, plan.spec().seeds().declared() ? plural(seeds, "seed") : "seed (none declared)",
        replicates, plural(replicates, "replicate"), plan.spec().order().name().toLowerCase(Locale.ROOT));
  }

  static Table table(Plan plan) {
    Set<String> axes = new LinkedHashSet<>(plan.spec().matrix().axes().keySet());
    for (Variation v : plan.variations()) {
      axes.addAll(v.axes().keySet());
    }
    boolean replicates = plan.spec().replicates() > 1;
    Table.Builder b = Table.builder().numberColumn("#").column("run_id");
    axes.forEach(b::column);
    b.column("ablation").numberColumn("seed");
    if (replicates) {
      b.numberColumn("replicate");
    }
    List<List<String>> variationCells = new ArrayList<>(plan.variations().size());
    for (Variation v : plan.variations()) {
      List<String> cells = new ArrayList<>(axes.size() + 1);
      for (String axis : axes) {
        Object value = v.axes().get(axis);
        cells.add(value == null ? "" : Values.text(value));
      }
      cells.add(v.ablation().name());
      variationCells.add(cells);
    }
    List<Trial> trials = plan.trials();
    return Table.lazy(b.header(), b.numeric(), trials.size(), i -> {
      Trial t = trials.get(i);
      List<String> row = new ArrayList<>(axes.size() + 5);
      row.add(Integer.toString(t.index() + 1));
      row.add(t.runId());
      row.addAll(variationCells.get(t.variation().index()));
      row.add(t.seed() == null ? "" : t.seed().toString());
      if (replicates) {
        row.add(Integer.toString(t.replicate()));
      }
      return row;
    });
  }

  /** Streams the plan as JSON: counts and every trial with all its parameters. */
  static void json(Plan plan, java.io.Writer writer) throws java.io.IOException {
    try (com.fasterxml.jackson.core.JsonGenerator g = StoreJson.MAPPER.getFactory().createGenerator(writer)) {
      g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setCodec(StoreJson.MAPPER);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("experiment", plan.spec().name());
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("trials", plan.trials().size());
      counts.put("variations", plan.variations().size());
      counts.put("ablations", plan.spec().ablations().size());
      counts.put("seeds", plan.seedCount());
      counts.put("replicates", plan.spec().replicates());
      g.writeObjectField("counts", counts);
      g.writeStringField("order", plan.spec().order().name().toLowerCase(Locale.ROOT));
      g.writeArrayFieldStart("trials");
      List<String[]> raw = new ArrayList<>();
      for (Variation v : plan.variations()) {
        raw.add(new String[] {StoreJson.compact(v.axes()), StoreJson.compact(v.ablation().flags()), StoreJson.compact(v.params())});
      }
      for (Trial t : plan.trials()) {
        String[] r = raw.get(t.variation().index());
        g.writeStartObject();
        g.writeNumberField("index", t.index());
        g.writeStringField("run_id", t.runId());
        g.writeStringField("trial_key", t.trialKey());
        g.writeFieldName("axes");
        g.writeRawValue(r[0]);
        g.writeStringField("ablation", t.variation().ablation().name());
        g.writeFieldName("ablation_flags");
        g.writeRawValue(r[1]);
        g.writeFieldName("seed");
        if (t.seed() == null) {
          g.writeNull();
        } else {
          g.writeNumber(t.seed());
        }
        g.writeNumberField("replicate", t.replicate());
        g.writeFieldName("params");
        g.writeRawValue(r[2]);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    writer.write('\n');
  }

  static String plural(int n, String word) {
    return n == 1 ? word : word + "s";
  }
}
