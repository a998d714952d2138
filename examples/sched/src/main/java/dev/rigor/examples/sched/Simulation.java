package dev.rigor.examples.sched;

/**
 * The simulator's entry point: a pure function of configuration and seed. No I/O, no wall clock,
 * no shared state: the same arguments give the same {@link SimResult}, on any thread.
 */
public final class Simulation {
  private Simulation() {}

  public static SimResult run(SimConfig config, long seed) {
    return run(config, seed, ProgressListener.NONE);
  }

  /** As {@link #run(SimConfig, long)}, telling {@code listener} how the run progresses. */
  public static SimResult run(SimConfig config, long seed, ProgressListener listener) {
    return new Engine(config, seed, listener).run();
  }
}
