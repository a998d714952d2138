package dev.rigor.examples.sched;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams keyed by what they are for.
 *
 * <p>Every attempt of every request draws from its own stream, keyed by (seed, workflow,
 * request, attempt number). So the first attempt of a request has the same latency draw under
 * every policy: policies are compared on common random numbers, which makes paired comparisons
 * across policies far less noisy than independent runs would be.
 */
final class RandomStreams {
  static final long ARRIVALS = 1;
  static final long ROUTING = 2;
  static final long ATTEMPT = 3;

  private RandomStreams() {}

  static SplittableRandom of(long seed, long purpose, long a, long b, long c) {
    long h = mix(seed + 0x9E3779B97F4A7C15L * purpose);
    h = mix(h ^ a);
    h = mix(h ^ (b * 0xC2B2AE3D27D4EB4FL));
    h = mix(h ^ (c * 0x165667B19E3779F9L));
    return new SplittableRandom(h);
  }

  /** The SplitMix64 finalizer (Steele, Lea, Flood 2014): a bijective 64-bit mixer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A standard normal deviate by Box-Muller, with StrictMath so results match on every JVM. */
  static double standardNormal(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble(); // (0, 1]: log stays finite
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  /** An exponential deviate with the given mean. */
  static double exponential(SplittableRandom rng, double mean) {
    return -mean * StrictMath.log(1.0 - rng.nextDouble());
  }
}
