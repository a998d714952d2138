package dev.rigor.spec;

/**
 * One problem in a spec: where it is, what is wrong and how to fix it. Rendered as
 * {@code path:line:col: error: what — how to fix}.
 */
public record SpecError(SourcePosition position, String what, String fix) {

  /** Errors in reading order: by source, line and column. */
  public static final java.util.Comparator<SpecError> BY_POSITION = java.util.Comparator
      .comparing((SpecError e) -> e.position().source())
      .thenComparingInt(e -> e.position().line())
      .thenComparingInt(e -> e.position().column());

  public SpecError {
    if (what == null || what.isBlank()) {
      throw new IllegalArgumentException("a spec error needs a description");
    }
    fix = fix == null ? "" : fix;
  }

  public String message() {
    return position + ": error: " + what + (fix.isEmpty() ? "" : " — " + fix);
  }

  @Override
  public String toString() {
    return message();
  }
}
