package dev.rigor.exec;

/** Human-readable byte counts for messages. */
final class Sizes {

  private Sizes() {}

  static String format(long bytes) {
    if (bytes % (1L << 30) == 0) {
      return (bytes >> 30) + "g";
    }
    if (bytes % (1L << 20) == 0) {
      return (bytes >> 20) + "m";
    }
    return bytes + " bytes";
  }
}
