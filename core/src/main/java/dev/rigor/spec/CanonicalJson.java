package dev.rigor.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON for hashing: keys sorted, no whitespace, integral numbers written as integers
 * ({@code 50.0} and {@code 50} hash alike). Trial keys and spec hashes are computed over it, so it
 * must never change for the same value.
 */
public final class CanonicalJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private CanonicalJson() {}

  /** The canonical text of {@code value} (maps, lists, scalars, or a Jackson tree). */
  public static String text(Object value) {
    Object normal = normalize(value);
    try {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(out)) { // no codec: plain values only
        JsonValues.write(g, normal);
      } catch (IllegalStateException notPlain) {
        return DataBinding.WRITER.writeValueAsString(normal); // a value only data binding can write; none of Rigor's own
      }
      return out.toString();
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON-serialisable: " + value, e);
    }
  }

  /** Data binding, with map entries sorted; made on first use (tens of milliseconds of a cold start). */
  private static final class DataBinding {
    static final ObjectWriter WRITER = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).writer();
  }

  /** Hex SHA-256 of the canonical text of {@code value}. */
  public static String sha256(Object value) {
    return sha256Hex(text(value));
  }

  public static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static Object normalize(Object value) {
    if (value instanceof JsonNode node) {
      return normalizeNode(node);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), normalize(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(normalize(v)));
      return out;
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
      return d.longValue();
    }
    if (value instanceof Float f) {
      return normalize(f.doubleValue());
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    return value;
  }

  private static Object normalizeNode(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        sorted.put(e.getKey(), normalizeNode(e.getValue()));
      }
      return sorted;
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>();
      node.forEach(n -> out.add(normalizeNode(n)));
      return out;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return normalize(node.doubleValue());
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}
