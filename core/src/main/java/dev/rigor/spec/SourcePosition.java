package dev.rigor.spec;

/** Where something was written: a file (or a pseudo-source such as {@code --set}) and a 1-based line and column. */
public record SourcePosition(String source, int line, int column) {

  public static SourcePosition of(String source) {
    return new SourcePosition(source, 0, 0);
  }

  public boolean hasLine() {
    return line > 0;
  }

  @Override
  public String toString() {
    return hasLine() ? source + ":" + line + ":" + column : source;
  }
}
