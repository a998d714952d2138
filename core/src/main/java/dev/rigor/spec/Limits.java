package dev.rigor.spec;

/** Resource limits of one trial's process tree; {@code null} fields are unlimited. */
public record Limits(Long memoryBytes, Double cpus) {

  public static final Limits NONE = new Limits(null, null);

  public Limits {
    if (memoryBytes != null && memoryBytes <= 0) {
      throw new IllegalArgumentException("memory limit must be positive");
    }
    if (cpus != null && !(cpus > 0)) {
      throw new IllegalArgumentException("cpus limit must be positive");
    }
  }

  public boolean any() {
    return memoryBytes != null || cpus != null;
  }
}
