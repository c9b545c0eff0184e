package dev.swarmsnap.core.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line as written by {@link ScheduleUnits#systemdWord}: words separated by spaces,
 * double-quoted words with {@code \\} and {@code \"} escapes, {@code %%} and {@code $$} undoubled.
 * Enough to read back our own units (for {@code schedule status}); not a general systemd parser.
 */
final class SystemdWords {
  private SystemdWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          word.append(c);
        }
      } else if (c == ' ') {
        if (word != null) {
          words.add(undouble(word.toString()));
          word = null;
        }
      } else {
        if (word == null) {
          word = new StringBuilder();
        }
        if (c == '"') {
          quoted = true;
        } else {
          word.append(c);
        }
      }
    }
    if (word != null) {
      words.add(undouble(word.toString()));
    }
    return words;
  }

  private static String undouble(String word) {
    return word.replace("%%", "%").replace("$$", "$");
  }
}
