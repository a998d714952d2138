package dev.rigor.spec;

/** The order in which trials are launched. */
public enum Order {
  /** Matrix axes in spec order, then ablations, then seeds, then replicates. */
  GRID,
  /** Round-robin over variations, so every seed's trials are spread over the sweep (less order bias). */
  INTERLEAVED,
  /** Shuffled with a recorded seed. */
  RANDOM
}
