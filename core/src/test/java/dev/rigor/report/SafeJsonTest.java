package dev.rigor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON embedded in a script element can neither end it nor open markup, and still parses back to the same values. */
class SafeJsonTest {

  @Test
  void angleBracketsAmpersandsAndLineSeparatorsAreEscaped() throws Exception {
    String evil = "</script><script>alert(1)</script><!-- & \u2028\u2029 \"quoted\"";
    String json = SafeJson.text(Map.of("k</script>", List.of(evil)));

    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028").doesNotContain("\u2029");
    assertThat(json).contains("\\u003C/script\\u003E").contains("\\u2028");
    assertThat(new ObjectMapper().readValue(json, Map.class)).isEqualTo(Map.of("k</script>", List.of(evil)));
  }
}
