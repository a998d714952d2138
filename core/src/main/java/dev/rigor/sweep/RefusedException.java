package dev.rigor.sweep;

import java.util.List;

/**
 * The sweep will not start, and has written nothing: the experiment directory is in use, has runs
 * and no {@code --resume} was given, the spec drifted, the command does not exist… The CLI prints
 * {@code what}, the {@code details} and {@code fix}, and exits with 2.
 */
public final class RefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<String> details;
  private final String fix;

  public RefusedException(String what, List<String> details, String fix) {
    super(what);
    this.details = List.copyOf(details);
    this.fix = fix;
  }

  public List<String> details() {
    return details;
  }

  public String fix() {
    return fix;
  }
}
