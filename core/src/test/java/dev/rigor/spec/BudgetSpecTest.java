package dev.rigor.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code budget}, the map form of {@code retries}, and Scenario Lab's key names as spellings (seed 002). */
class BudgetSpecTest {

  private static Spec parse(String yaml, String... overrides) throws SpecException {
    return SpecLoader.parse("spec.yaml", yaml, List.of(overrides)).spec();
  }

  private static List<String> errors(String yaml) {
    try {
      parse(yaml);
      throw new AssertionError("expected spec errors");
    } catch (SpecException e) {
      return e.errors().stream().map(SpecError::toString).toList();
    }
  }

  @Test
  void readsBudgetAndRetries() throws Exception {
    Spec s = parse("""
        name: b
        command: [llm]
        budget: {metric: usd, limit: 20, per_run_limit: 1.5}
        retries: {max: 5, when: {exit_codes: [75, 1], output: "(?i)rate limit"}, backoff: {initial: 2s, max: 60s}}
        """);
    assertThat(s.budget()).isEqualTo(new BudgetSpec("usd", 20, 1.5));
    assertThat(s.retries()).isEqualTo(5);
    assertThat(s.retryRule().exitCodes()).isEqualTo(Set.of(75, 1));
    assertThat(s.retryRule().output().pattern()).isEqualTo("(?i)rate limit");
    assertThat(s.retryRule().initialBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.retryRule().maxBackoff()).isEqualTo(Duration.ofMinutes(1));
    assertThat(parse("name: b\ncommand: [x]\nbudget: {limit: 3}\nretries: 2\n").budget()).isEqualTo(new BudgetSpec("cost_usd", 3, null));
    assertThat(parse("name: b\ncommand: [x]\nretries: 2\n").retryRule()).isEqualTo(RetryRule.ANY_FAILURE);
  }

  @Test
  void theBudgetIsNotPartOfTheTrialDefinition() throws Exception {
    Spec a = parse("name: b\ncommand: [x]\nbudget: {limit: 3, per_run_limit: 1}\nretries: {max: 1}\n");
    Spec b = parse("name: b\ncommand: [x]\nbudget: {limit: 3, per_run_limit: 1}\nretries: {max: 1}\n", "budget.limit=30", "retries.max=4");
    assertThat(b.budget().limit()).isEqualTo(30);
    assertThat(SpecJson.definition(b)).isEqualTo(SpecJson.definition(a));
    assertThat(SpecJson.resolved(b)).isNotEqualTo(SpecJson.resolved(a));
  }

  @Test
  void badBudgetsAndRetriesAreReportedWhereAndHowToFix() {
    assertThat(errors("""
        name: b
        command: [x]
        budget: {metrc: usd, per_run_limit: 0}
        retries: {max: 2, when: {exit_code: [75], output: "("}, backoff: {initial: 10s, max: 1s}}
        """)).containsExactly(
            "spec.yaml:3:9: error: 'budget' needs a 'limit' (the most the whole experiment may spend) — write e.g. budget: {metric: cost_usd, limit: 20, per_run_limit: 1}",
            "spec.yaml:3:10: error: unknown key 'metrc' in budget — did you mean 'metric'?",
            "spec.yaml:3:37: error: 'budget.per_run_limit' must be more than 0 — write e.g. per_run_limit: 1, or remove it",
            "spec.yaml:4:26: error: unknown key 'exit_code' in retries.when — did you mean 'exit_codes'?",
            "spec.yaml:4:51: error: 'retries.when.output' is not a valid regular expression: Unclosed group — fix the pattern (Java syntax), e.g. \"(?i)429|rate limit\"",
            "spec.yaml:4:86: error: 'retries.backoff.max' is shorter than 'initial' — make max at least 10s");
    assertThat(errors("name: b\ncommand: [x]\nbudgt: {limit: 1}\n")).singleElement().asString().contains("did you mean 'budget'");
  }

  @Test
  void scenarioLabKeyNamesAreSpellingsOfRigorKeys() throws Exception {
    Spec lab = parse("""
        experiment_name: "Model Comparison Study"
        command: [python3, scenario.py]
        args: flags
        runs_per_variation: 10
        max_parallel: 2
        timeout_per_run: 1800
        budget_limit: 20.00
        cost_per_run_limit: 1.00
        variations:
          - type: actor_model
            actor: regulator
            values: [openai/gpt-4o-mini, anthropic/claude-3-haiku]
          - type: actor_model
            actor: tech-company
            values: [openai/gpt-4o-mini, anthropic/claude-3-haiku]
        output_dir: experiments
        """);
    Spec rigor = parse("""
        name: Model-Comparison-Study
        description: Model Comparison Study
        command: [python3, scenario.py]
        args: flags
        replicates: 10
        jobs: 2
        timeout: 30m
        budget: {limit: 20.0, per_run_limit: 1.0}
        matrix:
          regulator_model: [openai/gpt-4o-mini, anthropic/claude-3-haiku]
          tech_company_model: [openai/gpt-4o-mini, anthropic/claude-3-haiku]
        out_root: experiments
        """);
    assertThat(lab).isEqualTo(rigor);
  }

  @Test
  void aSpellingBesideItsRigorKeyIsReportedNotSilentlyDropped() {
    assertThat(errors("name: b\ncommand: [x]\njobs: 2\nmax_parallel: 4\n")).singleElement().asString()
        .startsWith("spec.yaml:4:1: error: unknown key 'max_parallel'");
  }

  @Test
  void budgetSpellingsErrorsPointIntoTheFileAsWritten() {
    assertThat(errors("name: b\ncommand: [x]\nbudget_limit: lots\n")).singleElement().asString()
        .startsWith("spec.yaml:3:15: error: 'budget.limit' must be a number");
  }

  @Test
  void aBudgetWithTheSlurmExecutorIsRefusedAtTheBudgetKey() throws Exception {
    assertThat(errors("name: b\ncommand: [x]\nexecutor: {type: slurm}\nbudget: {limit: 1}\n")).singleElement().asString()
        .startsWith("spec.yaml:4:1: error: a budget cannot be used with executor type slurm");
    assertThat(parse("name: b\ncommand: [x]\nexecutor: {type: local}\nbudget: {limit: 1}\n").budget().limit()).isEqualTo(1.0);
  }

  @Test
  void budgetValuesAreChecked() {
    assertThatThrownBy(() -> new BudgetSpec("usd", -1, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryRule(Set.of(), null, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
