package dev.rigor.exec;

/** POSIX shell quoting for the explicit {@code shell:} opt-in. */
public final class ShellQuote {

  private ShellQuote() {}

  /** {@code value} as one shell word: unchanged when safe, else in single quotes. */
  public static String quote(String value) {
    if (!value.isEmpty() && value.matches("[A-Za-z0-9_./:=@%+,-]+")) {
      return value;
    }
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }
}
