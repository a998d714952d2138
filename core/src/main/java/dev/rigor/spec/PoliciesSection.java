package dev.rigor.spec;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the sweep policies a spec may set beyond concurrency: {@code retries} and {@code budget}. */
final class PoliciesSection {

  /** {@code retries}, in either form. */
  record Read(int max, RetryRule rule) {}

  private static final String RETRIES_EXAMPLE =
      "retries: {max: 5, when: {exit_codes: [75], output: \"(?i)429|rate limit\"}, backoff: {initial: 2s, max: 60s}}";

  private final NodeReader r;

  PoliciesSection(NodeReader r) {
    this.r = r;
  }

  /** {@code retries: 2} or the map form; absent: none. */
  Read read(SpecNode node) {
    if (node == null) {
      return new Read(0, RetryRule.ANY_FAILURE);
    }
    if (!(node instanceof SpecNode.MapNode map)) {
      Long n = r.integer(node, "retries", 0, "retries: 1, or " + RETRIES_EXAMPLE);
      return new Read(n == null ? 0 : (int) Math.min(Integer.MAX_VALUE, n), RetryRule.ANY_FAILURE);
    }
    r.checkKeys(map, "retries", List.of("max", "when", "backoff"));
    int max = 0;
    if (!map.has("max")) {
      r.error(map.position(), "'retries' needs 'max' (how many retries at most)", "write e.g. " + RETRIES_EXAMPLE);
    } else {
      Long n = r.integer(map.get("max"), "retries.max", 0, "max: 5");
      max = n == null ? 0 : (int) Math.min(Integer.MAX_VALUE, n);
    }
    Set<Integer> exitCodes = new LinkedHashSet<>();
    Pattern output = null;
    if (map.has("when")) {
      SpecNode.MapNode when = r.map(map.get("when"), "retries.when", "when: {exit_codes: [75], output: \"(?i)rate limit\"}");
      if (when != null) {
        r.checkKeys(when, "retries.when", List.of("exit_codes", "output"));
        if (when.has("exit_codes")) {
          for (SpecNode item : r.listOrOne(when.get("exit_codes"))) {
            Long code = r.integer(item, "retries.when.exit_codes[]", 0, "exit_codes: [75]");
            if (code != null && code > 255) {
              r.error(item.position(), "exit code " + code + " is out of range", "exit codes are 0 to 255 (75 is EX_TEMPFAIL)");
            } else if (code != null) {
              exitCodes.add(code.intValue());
            }
          }
        }
        if (when.has("output")) {
          output = pattern(when.get("output"));
        }
        if (when.fields().isEmpty()) {
          r.error(when.position(), "'retries.when' is empty", "give exit_codes, output, or both — or drop 'when' to retry every failure");
        }
      }
    }
    Duration initial = Duration.ZERO;
    Duration longest = Duration.ZERO;
    if (map.has("backoff")) {
      SpecNode.MapNode backoff = r.map(map.get("backoff"), "retries.backoff", "backoff: {initial: 2s, max: 60s}");
      if (backoff != null) {
        r.checkKeys(backoff, "retries.backoff", List.of("initial", "max"));
        if (!backoff.has("initial")) {
          r.error(backoff.position(), "'retries.backoff' needs 'initial'", "write e.g. backoff: {initial: 2s, max: 60s}");
        } else {
          initial = SpecReader.duration(r, backoff.get("initial"), "retries.backoff.initial", Duration.ZERO);
        }
        longest = backoff.has("max") ? SpecReader.duration(r, backoff.get("max"), "retries.backoff.max", initial)
            : initial.multipliedBy(32);
        if (longest.compareTo(initial) < 0) {
          r.error(backoff.get("max").position(), "'retries.backoff.max' is shorter than 'initial'", "make max at least " + Quantities.format(initial));
          longest = initial;
        }
      }
    }
    return new Read(max, new RetryRule(exitCodes, output, initial, longest));
  }

  private Pattern pattern(SpecNode node) {
    String text = r.string(node, "retries.when.output", "output: \"(?i)429|rate limit\"");
    if (text == null) {
      return null;
    }
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      r.error(node.position(), "'retries.when.output' is not a valid regular expression: " + e.getDescription(),
          "fix the pattern (Java syntax), e.g. \"(?i)429|rate limit\"");
      return null;
    }
  }

  /** {@code budget: {metric: cost_usd, limit: 20, per_run_limit: 1}}. */
  BudgetSpec budget(SpecNode node) {
    String example = "budget: {metric: cost_usd, limit: 20, per_run_limit: 1}";
    SpecNode.MapNode map = r.map(node, "budget", example);
    if (map == null) {
      return null;
    }
    r.checkKeys(map, "budget", List.of("metric", "limit", "per_run_limit"));
    String metric = BudgetSpec.DEFAULT_METRIC;
    if (map.has("metric")) {
      metric = r.string(map.get("metric"), "budget.metric", "metric: cost_usd");
    }
    Double limit = null;
    if (!map.has("limit")) { // reported, and the other keys still checked: every error at once
      r.error(map.position(), "'budget' needs a 'limit' (the most the whole experiment may spend)", "write e.g. " + example);
    } else {
      limit = nonNegative(map.get("limit"), "budget.limit", "limit: 20");
    }
    Double perRun = null;
    if (map.has("per_run_limit")) {
      perRun = nonNegative(map.get("per_run_limit"), "budget.per_run_limit", "per_run_limit: 1");
      if (perRun != null && perRun == 0) {
        r.error(map.get("per_run_limit").position(), "'budget.per_run_limit' must be more than 0", "write e.g. per_run_limit: 1, or remove it");
        perRun = null;
      }
    }
    if (metric == null || limit == null) {
      return null;
    }
    return new BudgetSpec(metric, limit, perRun);
  }

  private Double nonNegative(SpecNode node, String what, String example) {
    Double v = r.number(node, what, example);
    if (v != null && !(v >= 0 && Double.isFinite(v))) {
      r.error(node.position(), "'" + what + "' must be a number of at least 0, not " + v, "write e.g. " + example);
      return null;
    }
    return v;
  }
}
