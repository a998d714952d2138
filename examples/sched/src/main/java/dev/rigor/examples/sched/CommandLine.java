package dev.rigor.examples.sched;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed argv: {@code --name value}, {@code --name=value}, and for booleans a bare
 * {@code --name} (true) or {@code --name true|false}. Hyphens in names are read as underscores.
 *
 * @param values parameter name to text value, in argv order
 */
record CommandLine(boolean help, Map<String, String> values) {
  CommandLine {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** @throws ConfigException for an unknown, repeated or incomplete flag */
  static CommandLine parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String token = args[i];
      if (token.equals("--help") || token.equals("-h")) {
        return new CommandLine(true, Map.of());
      }
      if (!token.startsWith("--") || token.length() == 2) {
        throw new ConfigException("", "unexpected argument '" + token
            + "' — flags look like --name value");
      }
      int eq = token.indexOf('=');
      String name = (eq < 0 ? token.substring(2) : token.substring(2, eq)).replace('-', '_');
      Param param = Param.byKey(name).orElseThrow(() -> unknownFlag(name));
      if (values.containsKey(name)) {
        throw new ConfigException(name, "given twice; keep one");
      }
      String value;
      if (eq >= 0) {
        value = token.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i]; // there are no positional arguments: a bare word is this flag's value
      } else if (param.type() == Param.Type.BOOL) {
        value = "true";
      } else {
        throw new ConfigException(name, "needs a value (default: "
            + (param.defaultValue() == null ? "none, required" : param.defaultValue()) + ")");
      }
      values.put(name, value);
    }
    return new CommandLine(false, values);
  }

  private static ConfigException unknownFlag(String name) {
    String hint = Param.suggest(name).map(s -> " — did you mean --" + s + "?").orElse("");
    return new ConfigException(name, "unknown flag" + hint);
  }
}
