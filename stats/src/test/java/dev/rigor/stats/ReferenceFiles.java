package dev.rigor.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the reference files. {@code extra-cases.json} states each case's kind and input; the shared
 * {@code stats-cases.json} does not, so {@link #ORIGINAL} maps each of its case names to one. A case
 * name missing from that map fails the suite: every case must be checked.
 */
final class ReferenceFiles {
    static final String ORIGINAL_FILE = "stats-cases.json";
    static final String EXTRA_FILE = "extra-cases.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METADATA = Set.of("name", "kind", "input", "expected", "tol_rel", "tol_abs",
        "source", "command");

    /** Kind and input of each case of stats-cases.json, by name. */
    private static final Map<String, String> ORIGINAL = Map.ofEntries(
        Map.entry("paired t (g1 vs g2)",
            "{'kind':'t_paired','input':{'x':'sleep_g1','y':'sleep_g2','confidence':0.95}}"),
        Map.entry("Welch t (g1 vs g2)",
            "{'kind':'t_welch','input':{'x':'sleep_g1','y':'sleep_g2','confidence':0.95}}"),
        Map.entry("Student t, equal variances (g1 vs g2)",
            "{'kind':'t_student','input':{'x':'sleep_g1','y':'sleep_g2','confidence':0.95}}"),
        Map.entry("Wilcoxon signed-rank exact, paired (wsr_a vs wsr_b), two-sided",
            "{'kind':'wilcoxon_paired','input':{'x':'wsr_a','y':'wsr_b'}}"),
        Map.entry("Mann-Whitney U exact (mw_x vs mw_y), two-sided; R's W = U of x",
            "{'kind':'mann_whitney','input':{'x':'mw_x','y':'mw_y'}}"),
        Map.entry("power.t.test two-sample: delta=1 sd=1 alpha=0.05 power=0.8 -> n per group",
            "{'kind':'power_n','input':{'design':'TWO_SAMPLE','delta':1,'sd':1,'alpha':0.05,'power':0.8,'strict':false}}"),
        Map.entry("power.t.test paired: delta=1 sd=1 alpha=0.05 power=0.8 -> n pairs",
            "{'kind':'power_n','input':{'design':'PAIRED','delta':1,'sd':1,'alpha':0.05,'power':0.8,'strict':false}}"),
        Map.entry("power.t.test two-sample: n=20 delta=0.5 sd=1 alpha=0.05 -> power",
            "{'kind':'power_power','input':{'design':'TWO_SAMPLE','n':20,'delta':0.5,'sd':1,'alpha':0.05,'strict':false}}"),
        Map.entry("quantiles type 7 of boot_q at 0.05 0.25 0.5 0.75 0.95 0.99",
            "{'kind':'quantile7','input':{'x':'boot_q','p':[0.05,0.25,0.5,0.75,0.95,0.99]}}"),
        Map.entry("Holm adjustment of pvalues",
            "{'kind':'p_adjust','input':{'p':'pvalues','method':'HOLM'}}"),
        Map.entry("Benjamini-Hochberg adjustment of pvalues",
            "{'kind':'p_adjust','input':{'p':'pvalues','method':'BENJAMINI_HOCHBERG'}}"),
        Map.entry("bootstrap 95% CI of the mean of boot_q, 1e6 resamples (SciPy; R boot agrees within 0.5%)",
            "{'kind':'bootstrap_one_sample_mean','input':{'x':'boot_q','confidence':0.95,'resamples':1000000}}"),
        Map.entry("BCa acceleration for mean(mouse_z) - mean(mouse_y), two independent samples (Efron & Tibshirani 15.36)",
            "{'kind':'bootstrap_two_sample_mean_difference','input':{'x':'mouse_z','y':'mouse_y','confidence':0.95,'resamples':100}}"),
        Map.entry("IQM of iqm_x (25% trimmed mean, scipy.stats.trim_mean)",
            "{'kind':'iqm','input':{'x':'iqm_x'}}"),
        Map.entry("probability of improvement P(poi_a > poi_b), ties count 1/2",
            "{'kind':'poi','input':{'x':'poi_a','y':'poi_b'}}"),
        Map.entry("AUC of series over the full window, trapezoid divided by step span",
            "{'kind':'auc','input':{'window':'all'}}"),
        Map.entry("least-squares slope of series",
            "{'kind':'series_summaries','input':{}}"),
        Map.entry("Cohen's d, pooled sd, (g2 - g1)",
            "{'kind':'cohens_d','input':{'x':'sleep_g2','y':'sleep_g1'}}"),
        Map.entry("Cohen's d_z for paired differences (g2 - g1)",
            "{'kind':'cohens_dz','input':{'x':'sleep_g2','y':'sleep_g1'}}"));

    private ReferenceFiles() {
    }

    static List<ReferenceCase> load(String file) {
        JsonNode root = read(file);
        JsonNode data = root.path("data");
        List<ReferenceCase> cases = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            String name = c.path("name").asText();
            JsonNode spec = c.has("kind") ? c : original(name);
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            JsonNode expectedNode = c.has("expected") ? c.get("expected") : c;
            for (Map.Entry<String, JsonNode> e : expectedNode.properties()) {
                if (!METADATA.contains(e.getKey())) {
                    expected.put(e.getKey(), e.getValue());
                }
            }
            cases.add(new ReferenceCase(file, name, spec.path("kind").asText(),
                spec.has("input") ? spec.get("input") : JsonNodeFactory.instance.objectNode(), expected,
                c.path("tol_rel").asDouble(), c.path("tol_abs").asDouble(0), data));
        }
        return cases;
    }

    private static JsonNode original(String name) {
        String spec = ORIGINAL.get(name);
        if (spec == null) {
            // A kind that no computation knows fails the case, so an unmapped case cannot pass silently.
            ObjectNode unknown = JsonNodeFactory.instance.objectNode();
            unknown.put("kind", "unmapped case of " + ORIGINAL_FILE);
            return unknown;
        }
        try {
            return JSON.readTree(spec.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String file) {
        try (InputStream in = ReferenceFiles.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /reference/" + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
