package dev.swarmsnap.core.recover;

import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the preflight of a recovery found, before anything changed.
 *
 * @param objects counts of the pre-recovery state read offline, by kind
 * @param otherManagers hostnames of the other managers in this node's state
 * @param swarmBytes size of the swarm directory (the working copy needs as much)
 * @param freeBytes usable space next to it
 * @param keyGiven an unlock key was given and opens this node's key
 */
public record RecoverFacts(
    QuorumEvidence quorum,
    String engineControl,
    Path swarmDir,
    Path aside,
    Path workingCopy,
    String clusterId,
    String nodeId,
    String hostname,
    String advertiseAddr,
    String listenAddr,
    Map<String, Integer> objects,
    List<String> otherManagers,
    boolean autolock,
    boolean keyGiven,
    Optional<NewUnlockKeyDestination> newKey,
    long swarmBytes,
    long freeBytes) {
  public RecoverFacts {
    objects = Map.copyOf(objects);
    otherManagers = List.copyOf(otherManagers);
  }
}
