package dev.rigor.cli;

import dev.rigor.adaptive.AdaptiveEvent;
import dev.rigor.adaptive.AdaptiveListener;
import dev.rigor.adaptive.Verdict;
import java.io.PrintStream;

/** Prints adaptive replication's rounds and decisions: what is clear, what gets more seeds, and why it stopped. */
final class AdaptiveConsole implements AdaptiveListener {

  private final PrintStream out;

  AdaptiveConsole(PrintStream out) {
    this.out = out;
  }

  @Override
  public void on(AdaptiveEvent event) {
    if (event instanceof AdaptiveEvent.RoundStarted s) {
      out.println("adaptive round " + s.round() + " (at most " + s.maxRounds() + "): " + s.variations()
          + " variation(s) still unclear, " + s.trials() + " trials in the plan so far");
    } else if (event instanceof AdaptiveEvent.RoundDecided d) {
      out.println("after round " + d.round() + ":");
      for (int v = 0; v < d.verdicts().size(); v++) {
        Verdict verdict = d.verdicts().get(v);
        int now = verdict.variation().seeds();
        String next = verdict.clear() ? "clear at " + now + " seeds"
            : d.nextSeeds()[v] > now ? "unclear, " + now + " → " + d.nextSeeds()[v] + " seeds" : "unclear at max_seeds (" + now + ")";
        out.println("  " + verdict.variation().label() + ": " + next + " — " + verdict.why());
      }
    } else if (event instanceof AdaptiveEvent.Stopped s) {
      out.println("adaptive replication stopped (" + s.reason() + "): " + s.detail());
      s.states().forEach(line -> out.println("  " + line));
    }
  }
}
