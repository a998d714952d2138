package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code reference/stats-cases.json} (R 4.2.2 and SciPy values shared with the team) and of
 * {@code reference/extra-cases.json} (R, SciPy and Efron &amp; Tibshirani values; see
 * {@code src/test/oracles/generate_extra_cases.py}) must match within its tolerance:
 * {@code |actual - expected| <= max(tol_rel |expected|, tol_abs)}.
 */
class ReferenceCasesTest {

    static Stream<ReferenceCase> cases() {
        List<ReferenceCase> all = new ArrayList<>(ReferenceFiles.load(ReferenceFiles.ORIGINAL_FILE));
        all.addAll(ReferenceFiles.load(ReferenceFiles.EXTRA_FILE));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(ReferenceCase c) {
        assertThat(c.expected()).as("expected values of %s", c).isNotEmpty();
        Map<String, Object> actual = ReferenceCalculator.compute(c);
        for (Map.Entry<String, JsonNode> e : c.expected().entrySet()) {
            String key = e.getKey();
            assertThat(actual).as("%s computes '%s'", c, key).containsKey(key);
            JsonNode expected = e.getValue();
            Object value = actual.get(key);
            if (expected.isArray()) {
                double[] values = (double[]) value;
                assertThat(values).as("%s: length of %s", c, key).hasSize(expected.size());
                for (int i = 0; i < values.length; i++) {
                    assertClose(c, key + "[" + i + "]", values[i], expected.get(i).asDouble());
                }
            } else {
                assertClose(c, key, (Double) value, expected.asDouble());
            }
        }
    }

    @Test
    void bothFilesAreLoadedWithAllTheirCases() {
        assertThat(ReferenceFiles.load(ReferenceFiles.ORIGINAL_FILE)).hasSize(19);
        assertThat(ReferenceFiles.load(ReferenceFiles.EXTRA_FILE)).hasSizeGreaterThanOrEqualTo(60);
    }

    private static void assertClose(ReferenceCase c, String key, double actual, double expected) {
        double tolerance = Math.max(c.tolRel() * Math.abs(expected), c.tolAbs());
        assertThat(actual).as("%s: %s (tol %s)", c, key, tolerance).isBetween(expected - tolerance, expected + tolerance);
    }
}
