package dev.rigor.examples.sched;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values from a parameter map whose values may be text (from argv or a params
 * file) or already typed (from YAML or Java); a missing parameter takes its {@link Param}
 * default.
 */
final class ParamReader {
  private final Map<String, ?> params;

  ParamReader(Map<String, ?> params) {
    this.params = params;
  }

  int integer(Param p) {
    long v = longValue(p);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new ConfigException(p.key(), "value " + v + " is too large");
    }
    return (int) v;
  }

  long longValue(Param p) {
    Object raw = raw(p);
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      return ((Number) raw).longValue();
    }
    try {
      // Accept "5", "5.0" and 5.0 (a YAML or JSON number), but never "5.5".
      return new BigDecimal(raw.toString().trim()).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ConfigException(p.key(), "expected an integer, got '" + raw + "'");
    }
  }

  double decimal(Param p) {
    Object raw = raw(p);
    if (raw instanceof Number) {
      return ((Number) raw).doubleValue();
    }
    try {
      double v = Double.parseDouble(raw.toString().trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(p.key(), "expected a number, got '" + raw + "'");
    }
  }

  boolean bool(Param p) {
    Object raw = raw(p);
    if (raw instanceof Boolean) {
      return (Boolean) raw;
    }
    String text = raw.toString().trim().toLowerCase(Locale.ROOT);
    if (text.equals("true")) {
      return true;
    }
    if (text.equals("false")) {
      return false;
    }
    throw new ConfigException(p.key(), "expected true or false, got '" + raw + "'");
  }

  Policy policy(Param p) {
    Object raw = raw(p);
    if (raw instanceof Policy) {
      return (Policy) raw;
    }
    String name = raw.toString().trim();
    return Policy.fromCliName(name).orElseThrow(() -> new ConfigException(p.key(),
        "unknown policy '" + name + "' — use one of " + Policy.cliNames()));
  }

  String text(Param p) {
    return raw(p).toString();
  }

  private Object raw(Param p) {
    Object raw = params.get(p.key());
    if (raw == null) {
      if (p.defaultValue() == null) {
        throw new ConfigException(p.key(), "is required");
      }
      return p.defaultValue();
    }
    return raw;
  }
}
