package dev.swarmsnap.swarmstate.model;

import java.util.Map;

/** A swarm network: ID, name, version, driver, labels. */
public record NetworkInfo(
    String id, String name, long version, String driver, Map<String, String> labels) {
  public NetworkInfo {
    labels = Map.copyOf(labels);
  }
}
