package dev.swarmsnap.core.restore;

import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import dev.swarmsnap.archive.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the planner decides from, gathered by the preflight (nothing here is changed yet).
 *
 * @param engine the version of the engine that will run the restored state (the running one, or
 *     the binary that will start), and whether it is running now
 * @param engineControl how the engine is stopped and started, for the plan's text
 * @param swarmDirExists whether there is a swarm directory to move aside
 * @param aside where the existing swarm directory goes
 * @param staging the verified extraction, next to the swarm directory
 * @param advertiseAddr the address the restored manager will advertise ({@code ip})
 * @param listenAddr the listen address from the backup's {@code docker-state.json}, moved to the
 *     new IP if it was bound to the backup's
 * @param backupRaftAddr this node's raft address in the backup ({@code ip:port}, from the member list)
 * @param staleManagers hostnames of the other managers at backup time
 * @param freeBytes usable bytes on the swarm directory's filesystem after the extraction
 * @param newKey where a new unlock key would go
 */
public record RestoreFacts(
    Path archive,
    Manifest manifest,
    TargetEngine.Version engine,
    String engineControl,
    Path swarmDir,
    boolean swarmDirExists,
    Path aside,
    Path staging,
    String advertiseAddr,
    String listenAddr,
    String backupRaftAddr,
    List<String> staleManagers,
    long freeBytes,
    Optional<NewUnlockKeyDestination> newKey) {
  public RestoreFacts {
    Objects.requireNonNull(manifest, "manifest");
    staleManagers = List.copyOf(staleManagers);
  }
}
