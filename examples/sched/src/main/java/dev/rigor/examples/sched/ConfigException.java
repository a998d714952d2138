package dev.rigor.examples.sched;

/** A parameter is unknown, missing or has a bad value; {@link #key()} names it. */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String problem;

  /**
   * @param key the parameter at fault, or "" when the problem is not about one parameter
   */
  public ConfigException(String key, String problem) {
    super(key.isEmpty() ? problem : key + ": " + problem);
    this.key = key;
    this.problem = problem;
  }

  /** The parameter name, without leading dashes. */
  public String key() {
    return key;
  }

  /** What is wrong, without the parameter name. */
  public String problem() {
    return problem;
  }
}
