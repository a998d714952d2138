package dev.rigor.spec;

import java.util.List;

/** Every error found in a spec, reported together. */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<SpecError> errors;

  public SpecException(List<SpecError> errors) {
    super(errors.isEmpty() ? "invalid spec" : errors.get(0).message());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a SpecException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public SpecException(SpecError error) {
    this(List.of(error));
  }

  public List<SpecError> errors() {
    return errors;
  }
}
