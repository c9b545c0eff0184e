package dev.swarmsnap.cli.inspect;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.swarmsnap.archive.manifest.BackupMode;
import dev.swarmsnap.archive.manifest.WalCut;
import dev.swarmsnap.core.inspect.Inspection;
import dev.swarmsnap.swarmstate.model.ClusterInfo;
import dev.swarmsnap.swarmstate.model.ConfigInfo;
import dev.swarmsnap.swarmstate.model.ManagerInfo.Leadership;
import dev.swarmsnap.swarmstate.model.NetworkInfo;
import dev.swarmsnap.swarmstate.model.NodeInfo;
import dev.swarmsnap.swarmstate.model.PublishedPort;
import dev.swarmsnap.swarmstate.model.RaftSummary;
import dev.swarmsnap.swarmstate.model.SecretInfo;
import dev.swarmsnap.swarmstate.model.ServiceInfo;
import dev.swarmsnap.swarmstate.model.ServiceMode;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.swarmstate.model.TaskInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code inspect --json} document: top-level {@code cluster}, {@code raft}, {@code nodes},
 * {@code services}, {@code networks}, {@code configs}, {@code secrets}, {@code tasks}; every
 * object has {@code id}, {@code name} and {@code version}. A node in the raft has a {@code
 * manager} (raft ID, raft address, {@code leader}: {@code yes} or {@code unknown}); a service has
 * {@code mode} with {@code replicas}, or a replicated job's {@code totalCompletions} and {@code
 * maxConcurrent}. Built field by field from the read model, so nothing the model does not expose
 * (keys, tokens, CA key) can leak, and a secret's value is present only when it was revealed. An
 * archive adds {@code backupMode} ({@code cold} or {@code hot}) and a hot one's {@code walCut}.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record InspectJson(
    String source,
    boolean archive,
    Optional<String> backupCreatedAt,
    Cluster cluster,
    Raft raft,
    List<Node> nodes,
    List<Service> services,
    List<NetworkInfo> networks,
    List<ConfigInfo> configs,
    List<Secret> secrets,
    List<TaskInfo> tasks,
    Map<String, Integer> taskStates,
    List<String> warnings,
    Optional<String> backupMode,
    Optional<WalCut> walCut) {

  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Cluster(String id, String name, long version, Optional<Instant> createdAt, boolean autolock,
      Optional<String> unlockKeyFingerprint, long snapshotInterval, Instant nodeCertificateExpiry,
      Instant caCertificateExpiry) {}

  record Raft(String raftId, String nodeId, String addr, long term, long snapshotIndex, long snapshotTerm,
      long lastIndex, long commitIndex, long appliedEntries, long uncommittedEntries, List<Member> members,
      List<String> removed, int walSegments, boolean tornTail) {}

  record Member(String raftId, String nodeId, String addr) {}

  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Node(String id, String name, long version, String role, String availability, String state, String addr,
      Optional<Manager> manager, String engineVersion) {}

  /** {@code leader}: {@code yes}, or {@code unknown} where the state on disk cannot tell (never a guessed no). */
  record Manager(String raftId, String addr, String leader) {}

  /** The mode's numbers appear only for the mode that has them: no {@code replicas: null}. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Service(String id, String name, long version, String image, String mode, Optional<Long> replicas,
      Optional<Long> totalCompletions, Optional<Long> maxConcurrent, List<String> networks, List<String> secrets,
      List<String> configs, List<PublishedPort> ports, Map<String, String> labels) {}

  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Secret(String id, String name, long version, Map<String, String> labels, Optional<String> value) {}

  static InspectJson of(Inspection inspection) {
    SwarmState s = inspection.state();
    ClusterInfo c = s.cluster();
    RaftSummary r = s.raft();
    Map<String, Integer> states = new TreeMap<>();
    s.tasks().forEach(t -> states.merge(t.state(), 1, Integer::sum));
    return new InspectJson(
        inspection.source(),
        inspection.archive(),
        inspection.backupCreatedAt(),
        new Cluster(c.id(), c.name(), c.version(), c.createdAt(), c.autolockManagers(), c.unlockKeyFingerprint(),
            c.snapshotInterval(), s.certificates().nodeNotAfter(), s.certificates().caNotAfter()),
        new Raft(hex(r.raftId()), r.nodeId(), r.addr(), r.term(), r.snapshotIndex(), r.snapshotTerm(), r.lastIndex(),
            r.commitIndex(), r.appliedEntries(), r.uncommittedEntries(),
            r.members().stream().map(m -> new Member(hex(m.raftId()), m.nodeId(), m.addr())).toList(),
            r.removed().stream().map(InspectJson::hex).toList(), r.walSegments(), r.tornTail()),
        s.nodes().stream().map(InspectJson::node).toList(),
        s.services().stream().map(InspectJson::service).toList(),
        s.networks(),
        s.configs(),
        s.secrets().stream().map(InspectJson::secret).toList(),
        s.tasks(),
        states,
        s.warnings(),
        inspection.backupMode().map(BackupMode::label),
        inspection.walCut());
  }

  private static Node node(NodeInfo n) {
    return new Node(n.id(), n.name(), n.version(), n.role(), n.availability(), n.state(), n.addr(),
        n.manager().map(m -> new Manager(hex(m.raftId()), m.addr(),
            m.leadership() == Leadership.LEADER ? "yes" : "unknown")),
        n.engineVersion());
  }

  private static Service service(ServiceInfo s) {
    ServiceMode m = s.mode();
    return new Service(s.id(), s.name(), s.version(), s.image(), m.name(), m.replicas(), m.totalCompletions(),
        m.maxConcurrent(), s.networks(), s.secrets(), s.configs(), s.ports(), s.labels());
  }

  private static Secret secret(SecretInfo s) {
    return new Secret(s.id(), s.name(), s.version(), s.labels(),
        s.value().map(v -> new String(v.reveal(), StandardCharsets.UTF_8)));
  }

  /** Raft IDs as swarmkit prints them (hex), not as JSON numbers that lose precision above 2^53. */
  static String hex(long raftId) {
    return Long.toHexString(raftId);
  }
}
