package dev.swarmsnap.swarmstate.model;

import java.util.Map;

/** A config: ID, name, version, labels, data size (configs are not secret, but large). */
public record ConfigInfo(
    String id, String name, long version, Map<String, String> labels, int dataBytes) {
  public ConfigInfo {
    labels = Map.copyOf(labels);
  }
}
