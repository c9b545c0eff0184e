package dev.swarmsnap.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Text that came from input (archive entry names, manifest fields, file contents, paths) made safe
 * to print: control characters could break the one-or-two-line error format or reach the terminal
 * as escape sequences. Every line printed by the CLI goes through {@link #writer}; values that must
 * stay on one line (error messages, verify reasons) through {@link #escape}. Thread-safe.
 */
public final class TerminalText {
  private TerminalText() {}

  /**
   * {@code value} on one line: {@code \n}, {@code \r} and {@code \t} as those two characters, every
   * other C0 control, DEL, C1 control and bidirectional override as {@code \}{@code u00XX}.
   */
  public static String escape(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String replacement = switch (c) {
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> unsafe(c) ? unicode(c) : null;
      };
      if (replacement != null && out == null) {
        out = new StringBuilder(value.length() + 16).append(value, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? value : out.toString();
  }

  /**
   * {@code out} with every control character escaped as in {@link #escape}, except line feed,
   * carriage return and tab, which the renderers and the progress line write themselves. The
   * {@code \}{@code u00XX} form is also valid inside a JSON string, so {@code --json} output stays
   * parseable (Jackson escapes C0 controls but passes DEL and C1 controls through).
   */
  public static PrintWriter writer(PrintWriter out) {
    return new PrintWriter(new FilterWriter(out) {
      @Override
      public void write(int c) throws IOException {
        out.write(passes((char) c) ? String.valueOf((char) c) : unicode((char) c));
      }

      @Override
      public void write(char[] buffer, int offset, int length) throws IOException {
        write(new String(buffer, offset, length), 0, length);
      }

      @Override
      public void write(String text, int offset, int length) throws IOException {
        StringBuilder safe = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
          char c = text.charAt(i);
          safe.append(passes(c) ? String.valueOf(c) : unicode(c));
        }
        out.write(safe.toString());
      }
    }, true);
  }

  private static boolean passes(char c) {
    return c == '\n' || c == '\r' || c == '\t' || !unsafe(c);
  }

  /** C0, DEL, C1, and the bidirectional embeddings, overrides and isolates (U+202A..E, U+2066..9). */
  private static boolean unsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }

  private static String unicode(char c) {
    return String.format("\\u%04x", (int) c);
  }
}
