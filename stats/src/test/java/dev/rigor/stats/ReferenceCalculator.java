package dev.rigor.stats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Computes, with rigor-stats, the quantities a reference case names; values are Double or double[]. */
final class ReferenceCalculator {
    private static final long SEED = 20_240_611L;

    private final JsonNode data;
    private final JsonNode input;

    private ReferenceCalculator(JsonNode data, JsonNode input) {
        this.data = data;
        this.input = input;
    }

    static Map<String, Object> compute(ReferenceCase c) {
        return new ReferenceCalculator(c.data(), c.input()).compute(c.kind());
    }

    private Map<String, Object> compute(String kind) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (kind) {
            case "t_paired" -> test(out, TTests.paired(vector("x"), vector("y"), number("confidence")));
            case "t_welch" -> test(out, TTests.welch(vector("x"), vector("y"), number("confidence")));
            case "t_student" -> test(out, TTests.student(vector("x"), vector("y"), number("confidence")));
            case "t_one_sample" -> test(out, TTests.oneSample(vector("x"), number("mu"), number("confidence")));
            case "wilcoxon_paired" -> {
                TestResult r = RankTests.wilcoxonSignedRank(vector("x"), vector("y"));
                out.put("V", r.statistic());
                out.put("p", r.pValue());
            }
            case "mann_whitney" -> {
                TestResult r = RankTests.mannWhitneyU(vector("x"), vector("y"));
                out.put("W", r.statistic());
                out.put("p", r.pValue());
            }
            case "nct_cdf" -> out.put("cdf",
                NoncentralTDistribution.of(number("df"), number("ncp")).cumulativeProbability(number("t")));
            case "power_power" -> out.put("power", TTestPower.power(design(), number("n"), number("delta"),
                number("sd"), number("alpha"), region()).power());
            case "power_n" -> out.put("n", TTestPower.sampleSize(design(), number("delta"), number("sd"),
                number("alpha"), number("power"), region()).n());
            case "power_delta" -> out.put("delta", TTestPower.detectableEffect(design(), number("n"), number("sd"),
                number("alpha"), number("power")).delta());
            case "quantile7" -> out.put("q", Quantiles.type7(vector("x"), vector("p")));
            case "p_adjust" -> out.put("adjusted",
                PValueAdjustment.valueOf(text("method")).adjust(vector("p")));
            case "wilson" -> {
                ConfidenceInterval ci = WilsonScoreInterval.of(input.get("k").asLong(), input.get("n").asLong(),
                    number("confidence"));
                out.put("ci", new double[] {ci.lower(), ci.upper()});
            }
            case "summary" -> {
                Summary s = Summary.of(vector("x"));
                out.put("mean", s.mean());
                out.put("sd", s.standardDeviation());
                out.put("sem", s.standardError());
                out.put("q1", s.q1());
                out.put("median", s.median());
                out.put("q3", s.q3());
                out.put("min", s.min());
                out.put("max", s.max());
                out.put("cv", s.coefficientOfVariation());
                out.put("iqm", s.interquartileMean());
            }
            case "iqm" -> out.put("iqm", TrimmedMean.interquartileMean(vector("x")));
            case "trim_mean" -> out.put("value", TrimmedMean.of(vector("x"), number("proportion")));
            case "cohens_d" -> out.put("d", EffectSizes.cohensD(vector("x"), vector("y")));
            case "cohens_dz" -> out.put("dz", EffectSizes.cohensDz(vector("x"), vector("y")));
            case "hedges_g" -> out.put("g", EffectSizes.hedgesG(vector("x"), vector("y")));
            case "rank_biserial" -> out.put("r", EffectSizes.rankBiserial(vector("x"), vector("y")));
            case "rank_biserial_paired" -> out.put("r", EffectSizes.rankBiserialPaired(vector("x"), vector("y")));
            case "poi" -> out.put("poi", ProbabilityOfImprovement.of(vector("x"), vector("y")));
            case "poi_goal" -> out.put("poi",
                ProbabilityOfImprovement.of(vector("x"), vector("y"), Goal.valueOf(text("goal"))));
            case "auc" -> out.put("auc", series().auc(window()));
            case "series_summaries" -> {
                Series s = series();
                out.put("final", s.finalValue());
                out.put("max", s.max());
                out.put("min", s.min());
                out.put("mean", s.mean());
                out.put("mean_last_3", s.meanOfLast(3));
                out.put("slope", s.slope());
            }
            case "rliable" -> {
                ScoreMatrix m = matrix("scores");
                out.put("iqm", ScoreAggregate.iqm().of(m));
                out.put("mean", ScoreAggregate.mean().of(m));
                out.put("median", ScoreAggregate.median().of(m));
                out.put("optimality_gap", ScoreAggregate.optimalityGap(number("gamma")).of(m));
            }
            case "rliable_poi" -> out.put("poi", RobustAggregates.probabilityOfImprovement(matrix("x"), matrix("y"),
                BootstrapConfig.seeded(SEED).withResamples(100)).estimate());
            case "rliable_profile" -> out.put("fractions", RobustAggregates.performanceProfile(matrix("scores"),
                vector("taus"), BootstrapConfig.seeded(SEED).withResamples(100)).fractions());
            case "bootstrap_one_sample_mean" ->
                bootstrap(out, Bootstrap.oneSample(vector("x"), SampleStatistic.mean(), config()));
            case "bootstrap_one_sample_variance" ->
                bootstrap(out, Bootstrap.oneSample(vector("x"), ReferenceCalculator::plugInVariance, config()));
            case "bootstrap_paired_mean_difference" ->
                bootstrap(out, Bootstrap.paired(vector("x"), vector("y"), PairedStatistic.meanDifference(), config()));
            case "bootstrap_two_sample_mean_difference" -> bootstrap(out,
                Bootstrap.twoSample(vector("x"), vector("y"), TwoSampleStatistic.meanDifference(), config()));
            case "bootstrap_two_sample_ratio_of_means" -> bootstrap(out,
                Bootstrap.twoSample(vector("x"), vector("y"), TwoSampleStatistic.ratioOfMeans(), config()));
            case "jackknife_acceleration" -> {
                BootstrapResult r = Bootstrap.oneSample(vector("x"), ReferenceCalculator::plugInVariance,
                    BootstrapConfig.seeded(SEED).withResamples(100));
                out.put("a", r.acceleration());
                out.put("estimate", r.estimate());
            }
            default -> throw new IllegalArgumentException("no computation for kind '" + kind + "'");
        }
        return out;
    }

    private static void test(Map<String, Object> out, TestResult r) {
        out.put("t", r.statistic());
        out.put("df", r.degreesOfFreedom().orElseThrow());
        out.put("p", r.pValue());
        ConfidenceInterval ci = r.difference().orElseThrow();
        out.put("ci", new double[] {ci.lower(), ci.upper()});
        out.put("ci95", new double[] {ci.lower(), ci.upper()});
    }

    private static void bootstrap(Map<String, Object> out, BootstrapResult r) {
        out.put("percentile", new double[] {r.percentile().lower(), r.percentile().upper()});
        out.put("basic", new double[] {r.basic().lower(), r.basic().upper()});
        out.put("BCa", new double[] {r.bca().lower(), r.bca().upper()});
        out.put("a", r.acceleration());
        out.put("estimate", r.estimate());
    }

    /** The plug-in variance (divisor n), E&amp;T's statistic for the spatial data. */
    private static double plugInVariance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / x.length;
    }

    private BootstrapConfig config() {
        return new BootstrapConfig(input.get("resamples").asInt(), number("confidence"), SEED);
    }

    private TTestDesign design() {
        return TTestDesign.valueOf(text("design"));
    }

    private RejectionRegion region() {
        return input.path("strict").asBoolean(false) ? RejectionRegion.BOTH_SIDES : RejectionRegion.EFFECT_SIDE;
    }

    private Series series() {
        return new Series(toArray(data.get("series_steps")), toArray(data.get("series_values")));
    }

    private StepWindow window() {
        JsonNode w = input.get("window");
        if (w.isTextual() && w.asText().equals("all")) {
            return StepWindow.all();
        }
        if (w.has("last_fraction")) {
            return StepWindow.lastFraction(w.get("last_fraction").asDouble());
        }
        return StepWindow.range(w.get("from").asDouble(), w.get("to").asDouble());
    }

    private ScoreMatrix matrix(String key) {
        JsonNode rows = data.get(input.get(key).asText());
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = toArray(rows.get(r));
        }
        return new ScoreMatrix(m);
    }

    private double number(String key) {
        JsonNode v = input.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("input '" + key + "' must be a number");
        }
        return v.asDouble();
    }

    private String text(String key) {
        return input.get(key).asText();
    }

    /** An input array, given inline or as the name of a data entry. */
    private double[] vector(String key) {
        JsonNode v = input.get(key);
        return toArray(v.isTextual() ? data.get(v.asText()) : v);
    }

    private static double[] toArray(JsonNode node) {
        double[] a = new double[node.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = node.get(i).asDouble();
        }
        return a;
    }
}
