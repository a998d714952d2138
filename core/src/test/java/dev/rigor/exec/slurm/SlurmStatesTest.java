package dev.rigor.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading SLURM's answers (squeue lines, sacct, the jobcomp file) and writing its time format. */
class SlurmStatesTest {

  @TempDir Path tmp;

  @Test
  void squeueLinesGiveEachTaskItsState() {
    Map<String, SlurmStates.Task> t = SlurmStates.parseSqueue("12_0|RUNNING|None|node7\n12_1|PENDING|Resources|\n12_2|COMPLETED|None|node7\n");
    assertThat(t).containsOnlyKeys("12_0", "12_1", "12_2");
    assertThat(t.get("12_0").node()).isEqualTo("node7");
    assertThat(t.get("12_0").terminal()).isFalse();
    assertThat(t.get("12_2").terminal()).isTrue();
  }

  @Test
  void tasksThatNeverStartedAnswerThroughTheirArray() {
    Map<String, SlurmStates.Task> shown = SlurmStates.parseSqueue("58|CANCELLED|Resources|\n58_0|CANCELLED|None|localhost\n");
    Map<String, SlurmStates.Task> t = SlurmStates.ofTasks(shown, List.of("58_0", "58_3", "99_1"));
    assertThat(t.get("58_3").state()).isEqualTo("CANCELLED");
    assertThat(t).doesNotContainKey("99_1");
    Map<String, SlurmStates.Task> pending = SlurmStates.ofTasks(SlurmStates.parseSqueue("60|PENDING|Resources|\n"), List.of("60_1"));
    assertThat(pending).as("only an ended array answers for its tasks").isEmpty();
  }

  @Test
  void sacctAndTheJobcompFileGiveFinishedTasks() throws Exception {
    Map<String, SlurmStates.Task> s = SlurmStates.parseSacct("7_0|CANCELLED by 0|0:15|n1\n7_1|OUT_OF_MEMORY|0:125|n1\n7_2|FAILED|3:0|n2\n");
    assertThat(s.get("7_0").state()).isEqualTo("CANCELLED");
    assertThat(s.get("7_0").exitCode()).isEqualTo(128 + 15);
    assertThat(s.get("7_2").exitCode()).isEqualTo(3);
    Path jobcomp = tmp.resolve("jobcomp.log");
    Files.writeString(jobcomp, """
        JobId=59 UserId=root(0) Name=rigor-x JobState=TIMEOUT NodeList=localhost ExitCode=0:15 ArrayJobId=58 ArrayTaskId=0
        JobId=58 UserId=root(0) Name=rigor-x JobState=CANCELLED NodeList=(null) ExitCode=0:0 ArrayJobId=58
        JobId=70 UserId=root(0) Name=other JobState=COMPLETED NodeList=localhost ExitCode=0:0 ArrayJobId=70 ArrayTaskId=0
        """);
    Map<String, SlurmStates.Task> j = SlurmStates.readJobComp(jobcomp, Set.of("58"));
    assertThat(j).containsOnlyKeys("58_0", "58");
    assertThat(j.get("58_0").state()).isEqualTo("TIMEOUT");
    assertThat(j.get("58").state()).isEqualTo("CANCELLED");
  }

  @Test
  void timeLimitsAreWholeMinutesWithAMargin() {
    assertThat(BatchScripts.slurmTime(Duration.ofSeconds(5))).isEqualTo("0-00:01:00");
    assertThat(BatchScripts.slurmTime(Duration.ofMinutes(90))).isEqualTo("0-01:30:00");
    assertThat(BatchScripts.slurmTime(Duration.ofHours(49).plusSeconds(1))).isEqualTo("2-01:01:00");
    assertThat(BatchScripts.margin(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(2));
    assertThat(BatchScripts.margin(Duration.ofHours(10))).isEqualTo(Duration.ofHours(1));
  }
}
