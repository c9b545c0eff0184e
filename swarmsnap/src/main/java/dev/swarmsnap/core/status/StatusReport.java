package dev.swarmsnap.core.status;

import java.util.List;
import java.util.Optional;

/**
 * Everything {@code swarmsnap status} reports; rendered as text or JSON by the CLI.
 *
 * @param role {@code manager}, {@code worker}, or {@code none} (not in a swarm)
 * @param quorum present when the managers could be listed
 * @param safety the verdict for a cold backup (the engine stops)
 * @param hotBackup the verdict for {@code backup --hot} (nothing stops)
 */
public record StatusReport(
    String endpoint,
    String nodeId,
    String hostname,
    String engineVersion,
    String apiVersion,
    String swarmState,
    String role,
    boolean leader,
    Optional<String> clusterId,
    Optional<Boolean> autolock,
    Optional<QuorumView> quorum,
    List<ManagerView> managers,
    SwarmDirectoryFacts swarmDirectory,
    Safety safety,
    HotBackupSafety hotBackup) {

  public StatusReport {
    managers = List.copyOf(managers);
  }

  /** The quorum figures as users read them. */
  public record QuorumView(int managers, int reachable, int needed, int canLose) {
    static QuorumView of(Quorum quorum) {
      return new QuorumView(quorum.managers(), quorum.reachable(), quorum.needed(), Math.max(quorum.tolerance(), 0));
    }
  }

  /** One raft member as the leader sees it. */
  public record ManagerView(String id, String hostname, String address, boolean leader, String reachability, boolean self) {}
}
