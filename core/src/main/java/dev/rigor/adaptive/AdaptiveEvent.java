package dev.rigor.adaptive;

import dev.rigor.sweep.SweepResult;
import java.util.List;

/** What adaptive replication does between sweeps, for the console. Sweep events arrive through the sweep listener. */
public sealed interface AdaptiveEvent {

  /**
   * A round starts.
   *
   * @param variations variations receiving seeds in this round
   * @param trials trials of the round's plan (earlier rounds' ok trials are skipped by the sweep)
   */
  record RoundStarted(int round, int variations, int trials, int maxRounds) implements AdaptiveEvent {}

  /** The decision after a round: each variation's verdict and the seeds it has next. */
  record RoundDecided(int round, List<Verdict> verdicts, int[] nextSeeds) implements AdaptiveEvent {
    public RoundDecided {
      verdicts = List.copyOf(verdicts);
      nextSeeds = nextSeeds.clone();
    }
  }

  /**
   * Adaptive replication stopped.
   *
   * @param reason {@code all_clear}, {@code max_seeds} or {@code halted}
   * @param states each variation's final state (label → state and why)
   */
  record Stopped(String reason, String detail, List<String> states, SweepResult lastSweep) implements AdaptiveEvent {
    public Stopped {
      states = List.copyOf(states);
    }
  }
}
