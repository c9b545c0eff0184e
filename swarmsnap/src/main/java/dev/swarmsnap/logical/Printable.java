package dev.swarmsnap.logical;

/**
 * Makes text that came from input safe to put in a message: control characters are escaped and
 * the length is capped, so a hostile name cannot rewrite the terminal or flood it.
 */
final class Printable {
  private static final int MAX = 200;

  private Printable() {}

  static String of(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length() && b.length() < MAX; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return text.length() > MAX || b.length() > MAX ? b.substring(0, Math.min(b.length(), MAX)) + "..." : b.toString();
  }
}
