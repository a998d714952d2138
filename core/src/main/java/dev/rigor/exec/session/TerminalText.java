package dev.rigor.exec.session;

/**
 * Turns what a terminal program writes into the text a reader sees, as a stream (an escape sequence
 * or a line ending split across two reads is handled): ANSI escape sequences (CSI such as colours and
 * cursor moves, OSC such as window titles, two-character escapes and charset selections) are removed,
 * line endings become {@code \n} (CRLF, the CR-CR-LF of a program that writes {@code \r\n} through a
 * terminal, and a lone CR), a backspace erases the character before it on the line, and the other
 * control characters except tab are dropped. Not thread-safe.
 */
final class TerminalText {

  private enum State { TEXT, ESC, ESC_INTERMEDIATE, CSI, OSC, OSC_ESC }

  private static final char ESC = 0x1b;
  private static final char BEL = 0x07;

  private State state = State.TEXT;
  private boolean pendingCr;

  /** Appends the clean form of {@code raw} to {@code out}. */
  void append(CharSequence raw, StringBuilder out) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (state) {
        case TEXT -> text(c, out);
        case ESC -> {
          if (c == '[') {
            state = State.CSI;
          } else if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X') {
            state = State.OSC; // OSC, and DCS/APC/PM/SOS, which end the same way
          } else if (c >= 0x20 && c <= 0x2f) {
            state = State.ESC_INTERMEDIATE; // ESC ( B and the like: one more character
          } else {
            state = State.TEXT; // a two-character escape (ESC 7, ESC =, ESC M …)
          }
        }
        case ESC_INTERMEDIATE -> state = c >= 0x20 && c <= 0x2f ? State.ESC_INTERMEDIATE : State.TEXT;
        case CSI -> {
          if (c >= 0x40 && c <= 0x7e) {
            state = State.TEXT; // final byte
          } else if (c == ESC) {
            state = State.ESC;
          } else if (c < 0x20) {
            text(c, out); // a control character inside a CSI acts immediately
          }
        }
        case OSC -> {
          if (c == BEL) {
            state = State.TEXT;
          } else if (c == ESC) {
            state = State.OSC_ESC;
          }
        }
        case OSC_ESC -> state = c == '\\' ? State.TEXT : c == ESC ? State.OSC_ESC : State.OSC;
        default -> throw new IllegalStateException();
      }
    }
  }

  private void text(char c, StringBuilder out) {
    if (c == '\r') {
      pendingCr = true;
      return;
    }
    if (pendingCr) {
      pendingCr = false;
      out.append('\n');
      if (c == '\n') {
        return;
      }
    }
    if (c == ESC) {
      state = State.ESC;
    } else if (c == '\b') {
      int len = out.length();
      if (len > 0 && out.charAt(len - 1) != '\n') {
        out.setLength(len - (len > 1 && Character.isLowSurrogate(out.charAt(len - 1)) ? 2 : 1));
      }
    } else if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)) {
      out.append(c);
    }
  }

  /** Ends the stream: a trailing CR counts as a line end. */
  void finish(StringBuilder out) {
    if (pendingCr) {
      pendingCr = false;
      out.append('\n');
    }
  }

  /** The clean form of a whole text. */
  static String clean(CharSequence raw) {
    TerminalText t = new TerminalText();
    StringBuilder out = new StringBuilder(raw.length());
    t.append(raw, out);
    t.finish(out);
    return out.toString();
  }
}
