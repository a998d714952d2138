package dev.rigor.exec.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void escapesAreRemovedAndLineEndsNormalised() {
    assertThat(TerminalText.clean("\u001b[1;31mred\u001b[0m\r\nnext\r\r\nthird\rover")).isEqualTo("red\nnext\nthird\nover");
    assertThat(TerminalText.clean("\u001b]0;title\u0007a\u001b]2;t\u001b\\b\u001b(Bc\u001b7d\u0007")).isEqualTo("abcd");
    assertThat(TerminalText.clean("abx\bc\tz")).isEqualTo("abc\tz");
  }

  @Test
  void aSequenceOrALineEndSplitAcrossReadsIsHandled() {
    TerminalText t = new TerminalText();
    StringBuilder out = new StringBuilder();
    for (String part : new String[] {"a\u001b[", "32", "mb\r", "\nc\r"}) {
      t.append(part, out);
    }
    t.finish(out);
    assertThat(out).hasToString("ab\nc\n");
  }
}
