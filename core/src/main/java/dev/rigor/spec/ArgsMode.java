package dev.rigor.spec;

/** Whether parameters are appended to the command as flags. */
public enum ArgsMode {
  /** The command gets only what its template says. */
  NONE,
  /** Every parameter is appended as {@code --name value}; a boolean as a bare {@code --name} when true. */
  FLAGS
}
