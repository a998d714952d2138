package dev.rigor.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes plain JSON values — maps with text keys, lists, sets, text, numbers, booleans, null —
 * through Jackson's streaming generator, exactly as data binding writes them. Data binding builds
 * and compiles a serializer for each type it meets, which a short-lived command pays for at every
 * start; the values Rigor hashes and records are plain, so they do not need it.
 */
public final class JsonValues {

  private JsonValues() {}

  /**
   * Writes {@code value}. Anything but the plain values listed above goes to
   * {@link JsonGenerator#writeObject}: to data binding when the generator has a codec; without one,
   * Jackson writes only simple wrappers and throws {@link IllegalStateException} for the rest.
   */
  public static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Float f) {
      g.writeNumber(f);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof Map<?, ?> map && keysAreText(map)) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> || value instanceof Set<?>) {
      g.writeStartArray();
      for (Object item : (Collection<?>) value) {
        write(g, item);
      }
      g.writeEndArray();
    } else {
      g.writeObject(value);
    }
  }

  private static boolean keysAreText(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false;
      }
    }
    return true;
  }
}
