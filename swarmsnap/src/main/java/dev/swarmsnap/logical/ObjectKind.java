package dev.swarmsnap.logical;

import dev.swarmsnap.error.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of swarm object a logical document carries, in document order: networks first, then
 * what services refer to, then services (so a reader can create them in this order).
 */
public enum ObjectKind {
  NETWORK("network"),
  SECRET("secret"),
  CONFIG("config"),
  SERVICE("service");

  private final String label;

  ObjectKind(String label) {
    this.label = label;
  }

  /** The lower-case word used in selectors and in the document ({@code secret}). */
  public String label() {
    return label;
  }

  /**
   * The kind named by {@code text} (case-insensitive).
   *
   * @throws BadInputException for anything else, listing the kinds that exist
   */
  public static ObjectKind parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (ObjectKind k : values()) {
      if (k.label.equals(wanted)) {
        return k;
      }
    }
    throw new BadInputException("unknown object kind '" + Printable.of(text) + "'",
        "use one of " + Arrays.stream(values()).map(ObjectKind::label).collect(Collectors.joining(", ")));
  }
}
