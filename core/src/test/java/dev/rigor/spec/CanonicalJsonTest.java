package dev.rigor.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Trial keys and spec hashes are computed over the canonical text, so the streamed writer must give
 * exactly the text data binding gave (with sorted map entries) for every kind of value a spec holds.
 */
class CanonicalJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter DATA_BINDING = MAPPER.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).writer();

  @Test
  void isTheTextDataBindingWritesWithSortedKeys() throws Exception {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("zeta", List.of(1, 2.5, 50.0, -0.0, 1e300, "x"));
    spec.put("alpha", Map.of("b", true, "a", Arrays.asList(null, false)));
    spec.put("text", "tab\t quote\" backslash\\ control\u0001 naïve ✓ \uD83D\uDE80");
    spec.put("nan", Double.NaN);
    spec.put("float", 0.1f);
    spec.put("big", new BigDecimal("1.000000000000000000001"));
    spec.put("set", Set.of("only"));
    spec.put("empty", Map.of());
    spec.put("tree", MAPPER.readTree("{\"y\": [1, 2.0, {\"k\": null}], \"x\": \"s\"}"));
    assertThat(CanonicalJson.text(spec)).isEqualTo(DATA_BINDING.writeValueAsString(normalizedByHand(spec)));
  }

  @Test
  void valuesThatAreNotPlainJsonStillGoThroughDataBinding() throws Exception {
    Map<String, Object> spec = Map.of("unit", TimeUnit.SECONDS, "n", 3);
    assertThat(CanonicalJson.text(spec)).isEqualTo("{\"n\":3,\"unit\":\"SECONDS\"}");
  }

  @Test
  void integralNumbersHashAlikeWhateverTheirType() {
    assertThat(CanonicalJson.sha256(Map.of("x", 50.0))).isEqualTo(CanonicalJson.sha256(Map.of("x", 50L)))
        .isEqualTo(CanonicalJson.sha256(Map.of("x", 50)));
    assertThat(CanonicalJson.sha256(Map.of("x", 50.5))).isNotEqualTo(CanonicalJson.sha256(Map.of("x", 50L)));
  }

  /** The normalization CanonicalJson documents (integral doubles as integers, trees as plain values), done by hand. */
  private static Object normalizedByHand(Map<String, Object> spec) {
    Map<String, Object> out = new LinkedHashMap<>(spec);
    out.put("zeta", List.of(1L, 2.5, 50L, 0L, 1e300, "x"));
    out.put("float", (double) 0.1f);
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("k", null);
    out.put("tree", Map.of("x", "s", "y", List.of(1L, 2L, k)));
    return out;
  }
}
