package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfidenceSequence} against an independent Python implementation run by this test
 * (src/test/oracles/confidence_sequence.py, numpy + scipy): Lai's sequence by root finding on its
 * martingale instead of the closed form, the asymptotic one from Theorem 2.2 as printed. Tolerance
 * 1e-8 relative. A third oracle column checks that the closed-form tuning ρ² is within 1% of the
 * numerically optimal width at n*.
 */
class ConfidenceSequenceOracleTest {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Test
    void agreesWithTheIndependentPythonImplementation() throws Exception {
        NormalData data = new NormalData(18);
        List<double[]> sets = new ArrayList<>();
        for (int n : new int[] {2, 3, 5, 7, 10, 15, 20, 40, 60, 200}) {
            sets.add(data.sample(n, 3, 1.5));
        }
        sets.add(new double[] {1, 2, 3, 4, 5});
        sets.add(new double[] {1e6, 1e6 + 1, 1e6 + 3, 1e6 - 2, 1e6 + 0.5, 1e6 + 2});
        for (double alpha : new double[] {0.05, 0.01, 0.2}) {
            for (double nStar : new double[] {5, 10, 30}) {
                JsonNode oracle = oracle(alpha, nStar, sets);
                ConfidenceSequence lai = ConfidenceSequence.gaussianT(alpha, nStar);
                ConfidenceSequence asymptotic = ConfidenceSequence.asymptotic(alpha, nStar);
                for (int i = 0; i < sets.size(); i++) {
                    String where = "alpha " + alpha + ", n* " + nStar + ", n " + sets.get(i).length;
                    close(lai.interval(sets.get(i)).halfWidth(), oracle.get(i).get("lai").asDouble(), "Lai, " + where);
                    double a = asymptotic.interval(sets.get(i)).halfWidth();
                    close(a, oracle.get(i).get("asymptotic").asDouble(), "asymptotic, " + where);
                    if (sets.get(i).length == (int) nStar) {
                        assertThat(a / oracle.get(i).get("asymptotic_optimal_rho2").asDouble()).as("closed-form rho at n*, " + where)
                            .isBetween(1.0 - 1e-9, 1.01);
                    }
                }
            }
        }
    }

    @Test
    void thePairedDifferenceIsTheSequenceOfTheDifferences() {
        double[] control = {10.1, 9.7, 11.2, 10.4, 9.9, 10.8};
        double[] candidate = {10.9, 10.2, 11.5, 11.3, 10.1, 11.6};
        ConfidenceSequence cs = ConfidenceSequence.gaussianT(0.05, 6);
        double[] d = new double[control.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = candidate[i] - control[i];
        }
        ConfidenceInterval paired = cs.pairedDifference(candidate, control);
        assertThat(paired).isEqualTo(cs.interval(d));
        assertThat(paired.estimate()).isCloseTo(0.583333, within(1e-6));
        assertThat(paired.confidence()).isEqualTo(0.95);
    }

    @Test
    void fewerThanTwoValuesGiveAnUnboundedInterval() {
        ConfidenceSequence cs = ConfidenceSequence.gaussianT(0.05, 10);
        assertThat(cs.interval(new double[] {4}).lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(cs.interval(new double[] {4}).estimate()).isEqualTo(4);
        assertThat(cs.interval(new double[0]).upper()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void theSequenceNarrowsAsSeedsAccumulate() {
        double[] x = new NormalData(7).sample(60, 0, 1);
        ConfidenceSequence cs = ConfidenceSequence.gaussianT(0.05, 10);
        double at10 = cs.interval(java.util.Arrays.copyOf(x, 10)).halfWidth();
        double at60 = cs.interval(x).halfWidth();
        assertThat(at60).isLessThan(at10 / 2);
        // and it is wider than the fixed-n t interval at the same n: the price of looking anytime
        assertThat(at60).isGreaterThan(TTests.oneSample(x, 0, 0.95).difference().orElseThrow().halfWidth());
    }

    private static void close(double actual, double expected, String what) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(1e-8 * Math.max(1, Math.abs(expected))));
        }
    }

    private static JsonNode oracle(double alpha, double nStar, List<double[]> sets) throws IOException, InterruptedException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("alpha", alpha);
        request.put("tightest_at", nStar);
        request.put("data", sets);
        Process p = new ProcessBuilder("python3", Path.of("src/test/oracles/confidence_sequence.py").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("oracle exit code").isZero();
        return JSON.readTree(out);
    }
}
