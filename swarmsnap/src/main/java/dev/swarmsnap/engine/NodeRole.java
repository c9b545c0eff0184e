package dev.swarmsnap.engine;

import java.util.Locale;

/** A node's {@code Spec.Role}. */
public enum NodeRole {
  MANAGER,
  WORKER;

  public static NodeRole parse(String value) {
    return "manager".equalsIgnoreCase(value) ? MANAGER : WORKER;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
