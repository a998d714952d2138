package dev.rigor.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code executor:} in the spec (DESIGN.md §11): its settings, its errors, and that it is not part of the trial definition. */
class ExecutorSpecTest {

  private static final String BASE = "name: e\ncommand: [echo, hi]\n";

  private static Spec parse(String yaml) throws SpecException {
    return SpecLoader.parse("spec.yaml", yaml, List.of()).spec();
  }

  @Test
  void readsEverySlurmSetting() throws Exception {
    Spec s = parse(BASE + """
        executor:
          type: slurm
          partition: gpu
          time: 2h
          cpus_per_task: 4
          mem: 8g
          gpus: a100:2
          array_parallelism: 50
          sbatch_args: [--account=proj, --qos=short]
          setup: ["module load java/17"]
        """);
    ExecutorSettings e = s.executor();
    assertThat(e.type()).isEqualTo("slurm");
    assertThat(e.partition()).isEqualTo("gpu");
    assertThat(e.time()).isEqualTo(Duration.ofHours(2));
    assertThat(e.cpusPerTask()).isEqualTo(4);
    assertThat(e.mem()).isEqualTo("8G");
    assertThat(e.gpus()).isEqualTo("a100:2");
    assertThat(e.arrayParallelism()).isEqualTo(50);
    assertThat(e.sbatchArgs()).containsExactly("--account=proj", "--qos=short");
    assertThat(e.setup()).containsExactly("module load java/17");
    assertThat(parse(BASE).executor()).isEqualTo(ExecutorSettings.LOCAL);
  }

  @Test
  void errorsSayWhereAndHowToFix() {
    assertThatThrownBy(() -> parse(BASE + "executor: {type: slrum, partiton: x, mem: lots, cpus_per_task: 0}\n"))
        .isInstanceOfSatisfying(SpecException.class, e -> {
          List<String> messages = e.errors().stream().map(err -> err.what() + " — " + err.fix()).toList();
          assertThat(messages).anySatisfy(m -> assertThat(m).contains("unknown executor type 'slrum'").contains("slurm"));
          assertThat(messages).anySatisfy(m -> assertThat(m).contains("partiton").contains("partition"));
          assertThat(messages).anySatisfy(m -> assertThat(m).contains("'executor.mem' is not a size"));
          assertThat(messages).anySatisfy(m -> assertThat(m).contains("cpus_per_task"));
          assertThat(e.errors()).allSatisfy(err -> assertThat(err.position().line()).isEqualTo(3));
        });
    assertThatThrownBy(() -> parse(BASE + "executor: {partition: x}\n")).hasMessageContaining("'executor' has no 'type'");
  }

  @Test
  void movingToAClusterIsNotDrift() throws Exception {
    Spec local = parse(BASE);
    Spec slurm = parse(BASE + "executor: {type: slurm, mem: 2g}\n");
    assertThat(SpecJson.definition(slurm)).isEqualTo(SpecJson.definition(local));
    assertThat(SpecJson.resolved(slurm)).containsKey("executor");
    assertThat(SpecJson.resolved(local)).doesNotContainKey("executor");
  }
}
