package dev.swarmsnap.engine;

import java.util.List;
import java.util.Optional;

/**
 * The {@code Swarm} part of {@code GET /info}.
 *
 * @param controlAvailable true on an unlocked manager, also one without quorum (then {@code error}
 *     is set); false on workers and locked nodes (docs/engine-behaviour.md §2)
 * @param clusterId present on managers only
 * @param autolock the cluster's {@code AutoLockManagers}; present on managers only
 */
public record SwarmInfo(
    LocalNodeState state,
    String nodeId,
    String nodeAddr,
    boolean controlAvailable,
    String error,
    Optional<String> clusterId,
    Optional<Boolean> autolock,
    List<String> remoteManagerAddrs) {

  public SwarmInfo {
    nodeId = nodeId == null ? "" : nodeId;
    nodeAddr = nodeAddr == null ? "" : nodeAddr;
    error = error == null ? "" : error;
    remoteManagerAddrs = List.copyOf(remoteManagerAddrs);
  }

  public boolean hasError() {
    return !error.isBlank();
  }
}
