package dev.rigor.analysis;

import java.nio.charset.StandardCharsets;

/**
 * Seeds for independent resampling streams derived from one user seed and a name (the candidate and
 * metric of a comparison, the group of a variance curve). Every result therefore depends only on the
 * seed and its own data — not on which other metrics or groups were asked for, nor on the order in
 * which threads computed them.
 */
final class StreamSeeds {

  private StreamSeeds() {}

  /** SplitMix64 (Steele, Lea &amp; Flood 2014) of the seed mixed with the FNV-1a hash of the parts. */
  static long derive(long seed, String... parts) {
    long h = 0xcbf29ce484222325L;
    for (String part : parts) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xff)) * 0x100000001b3L;
      }
      h = (h ^ 0xff) * 0x100000001b3L;
    }
    return mix(seed ^ mix(h));
  }

  private static long mix(long z) {
    z += 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
