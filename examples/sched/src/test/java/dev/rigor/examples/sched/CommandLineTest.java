package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void readsSpaceAndEqualsForms() {
    CommandLine cmd = CommandLine.parse("--workflows", "50", "--policy=full", "--seed", "-3");

    assertThat(cmd.help()).isFalse();
    assertThat(cmd.values()).containsExactly(entry("workflows", "50"), entry("policy", "full"),
        entry("seed", "-3"));
  }

  @Test
  void booleansAreBareOrTakeAValue() {
    assertThat(CommandLine.parse("--enable_model_routing", "--workflows", "5").values())
        .containsEntry("enable_model_routing", "true");
    assertThat(CommandLine.parse("--enable_model_routing", "false").values())
        .containsEntry("enable_model_routing", "false");
    assertThat(CommandLine.parse("--disable_hedging").values())
        .containsEntry("disable_hedging", "true");
    assertThat(CommandLine.parse("--disable_hedging=false").values())
        .containsEntry("disable_hedging", "false");
  }

  @Test
  void hyphensReadAsUnderscores() {
    assertThat(CommandLine.parse("--disable-escalation").values())
        .containsEntry("disable_escalation", "true");
  }

  @Test
  void helpWinsWherever() {
    assertThat(CommandLine.parse("--workflows", "5", "--help").help()).isTrue();
    assertThat(CommandLine.parse("-h").help()).isTrue();
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertThatThrownBy(() -> CommandLine.parse("--workflow", "5"))
        .hasMessage("workflow: unknown flag — did you mean --workflows?");
    assertThatThrownBy(() -> CommandLine.parse("--frobnicate"))
        .hasMessage("frobnicate: unknown flag");
    assertThatThrownBy(() -> CommandLine.parse("--seed", "1", "--seed", "2"))
        .hasMessage("seed: given twice; keep one");
    assertThatThrownBy(() -> CommandLine.parse("--workflows", "--pdfs", "3"))
        .hasMessage("workflows: needs a value (default: 20)");
    assertThatThrownBy(() -> CommandLine.parse("50"))
        .hasMessage("unexpected argument '50' — flags look like --name value");
  }
}
