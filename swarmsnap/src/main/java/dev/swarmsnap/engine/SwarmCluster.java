package dev.swarmsnap.engine;

import java.util.List;
import java.util.Objects;

/**
 * The swarm itself as {@code GET /swarm} shows it, without join tokens.
 *
 * @param specJson {@code Spec} (orchestration, raft, dispatcher, CA and encryption settings, labels)
 */
public record SwarmCluster(
    String id, String specJson, List<String> defaultAddrPool, int subnetSize, int dataPathPort) {
  public SwarmCluster {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(specJson, "specJson");
    defaultAddrPool = List.copyOf(defaultAddrPool);
  }
}
