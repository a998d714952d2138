package dev.rigor.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trial kinds of DESIGN.md §7: exactly one of command, shell, worker, python, java; each validated with positions. */
class TrialKindsTest {

  private static Spec parse(String yaml) throws SpecException {
    return SpecLoader.parse("spec.yaml", yaml, List.of()).spec();
  }

  private static List<String> errors(String yaml) {
    try {
      parse(yaml);
      throw new AssertionError("expected errors");
    } catch (SpecException e) {
      return e.errors().stream().map(SpecError::toString).toList();
    }
  }

  @Test
  void readsEachKind() throws Exception {
    Spec py = parse("name: p\npython: {function: \"mysim.bench:run\", path: [src], max_trials: 100, startup_timeout: 2m}\n");
    assertThat(py.command()).isEmpty();
    assertThat(py.worker().kind()).isEqualTo(WorkerSpec.Kind.PYTHON);
    assertThat(py.worker().function()).isEqualTo("mysim.bench:run");
    assertThat(py.worker().path()).containsExactly("src");
    assertThat(py.worker().interpreter()).isEqualTo("python3");
    assertThat(py.worker().maxTrials()).isEqualTo(100);
    assertThat(py.worker().startupTimeout()).isEqualTo(Duration.ofMinutes(2));

    Spec java = parse("name: j\njava: {class: com.acme.Sim, classpath: [build/sim.jar], isolation: coordinator}\n");
    assertThat(java.worker().javaClass()).isEqualTo("com.acme.Sim");
    assertThat(java.worker().isolation()).isEqualTo(WorkerSpec.Isolation.COORDINATOR);
    assertThat(java.worker().startupTimeout()).isEqualTo(WorkerSpec.DEFAULT_STARTUP_TIMEOUT);

    Spec worker = parse("name: w\nworker: {command: [python3, sim_worker.py]}\n");
    assertThat(worker.worker().command()).extracting(Template::raw).containsExactly("python3", "sim_worker.py");
    assertThat(parse("name: c\ncommand: [\"true\"]\n").worker()).isNull();
  }

  @Test
  void aWorkerKindIsPartOfTheTrialDefinitionOnlyWhenUsed() throws Exception {
    assertThat(SpecJson.definition(parse("name: c\ncommand: [\"true\"]\n"))).doesNotContainKeys("worker", "python", "java");
    assertThat(SpecJson.definition(parse("name: p\npython: {function: \"m:run\", max_trials: 5}\n")).get("python"))
        .isEqualTo(java.util.Map.of("function", "m:run", "path", List.of(), "interpreter", "python3"));
  }

  @Test
  void exactlyOneKind() {
    assertThat(errors("name: x\ncommand: [\"true\"]\npython: {function: \"m:run\"}\n"))
        .containsExactly("spec.yaml:3:1: error: the spec gives both 'command' and 'python' — keep exactly one trial kind: command, shell, worker, python, java, session");
    assertThat(errors("name: x\n")).singleElement().asString().contains("the spec has no 'command'").contains("worker, python, java, session");
  }

  @Test
  void eachKindIsValidatedWithPositionsAndFixes() {
    assertThat(errors("name: x\npython: {function: run, pth: [src]}\n")).containsExactly(
        "spec.yaml:2:20: error: 'python.function' must be module:function, not \"run\" — write e.g. function: \"mysim.bench:run\"",
        "spec.yaml:2:25: error: unknown key 'pth' in python — did you mean 'path'?");
    assertThat(errors("name: x\njava: {class: com.acme.Sim, isolation: thread}\n")).anySatisfy(e -> assertThat(e)
        .contains("'java' needs a 'classpath'")).anySatisfy(e -> assertThat(e).contains("'java.isolation' cannot be 'thread'"));
    assertThat(errors("name: x\nworker: {command: [python3, \"w.py\", \"{seed}\"], startup_timeout: soon}\n")).anySatisfy(e -> assertThat(e)
        .contains("'worker.command' cannot use placeholders")).anySatisfy(e -> assertThat(e).contains("'startup_timeout' is not a positive duration"));
  }
}
