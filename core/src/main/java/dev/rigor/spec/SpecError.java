package dev.rigor.spec;

/**
 * One problem in a spec: where it is, what is wrong and how to fix it. Rendered as
 * {@code path:line:col: error: what — how to fix}.
 */
public record SpecError(SourcePosition position, String what, String fix) {

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
