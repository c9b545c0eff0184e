package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a backup copied the swarm directory: {@code cold} with the engine stopped, {@code hot} while it
 * ran (docs/archive-format.md §3). Archives written before the field existed are cold.
 */
public enum BackupMode {
  COLD("cold"),
  HOT("hot");

  private final String label;

  BackupMode(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static BackupMode of(String label) {
    for (BackupMode mode : values()) {
      if (mode.label.equals(label)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("mode must be cold or hot");
  }
}
