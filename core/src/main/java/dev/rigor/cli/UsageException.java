package dev.rigor.cli;

/** A usage problem found after parsing (e.g. a missing SPEC); exit code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
