package dev.swarmsnap.engine;

import java.util.Locale;

/** {@code Swarm.LocalNodeState} as the engine reports it. */
public enum LocalNodeState {
  INACTIVE,
  PENDING,
  ACTIVE,
  LOCKED,
  ERROR,
  UNKNOWN;

  public static LocalNodeState parse(String value) {
    if (value == null || value.isBlank()) {
      return INACTIVE;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
