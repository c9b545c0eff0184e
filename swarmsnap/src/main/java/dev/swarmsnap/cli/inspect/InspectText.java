package dev.swarmsnap.cli.inspect;

import dev.swarmsnap.cli.HumanUnits;
import dev.swarmsnap.cli.TerminalText;
import dev.swarmsnap.core.inspect.Inspection;
import dev.swarmsnap.swarmstate.model.ClusterInfo;
import dev.swarmsnap.swarmstate.model.ManagerInfo;
import dev.swarmsnap.swarmstate.model.ManagerInfo.Leadership;
import dev.swarmsnap.swarmstate.model.NetworkInfo;
import dev.swarmsnap.swarmstate.model.PublishedPort;
import dev.swarmsnap.swarmstate.model.RaftMemberInfo;
import dev.swarmsnap.swarmstate.model.RaftSummary;
import dev.swarmsnap.swarmstate.model.SecretInfo;
import dev.swarmsnap.swarmstate.model.ServiceInfo;
import dev.swarmsnap.swarmstate.model.ServiceMode;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.swarmstate.model.TaskInfo;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders an {@link Inspection} for people: one section per object kind. */
final class InspectText {
  private final PrintWriter out;
  private final Clock clock;

  InspectText(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  void print(Inspection inspection) {
    SwarmState s = inspection.state();
    Instant now = clock.instant();
    ClusterInfo c = s.cluster();
    row("Source", inspection.source() + (inspection.archive()
        ? " (archive" + inspection.backupCreatedAt().map(t -> ", taken " + t).orElse("")
            + inspection.backupMode().map(m -> ", " + m.label()).orElse("") + ")" : ""));
    inspection.walCut().ifPresent(cut -> row("WAL cut", cut.bytesDropped() + " bytes of a torn final record dropped"
        + " from " + TerminalText.escape(cut.segment()) + " by the hot copy; last index kept " + cut.lastIndexKept()));
    row("Cluster", c.id() + " (" + c.name() + ", version " + c.version() + ")"
        + c.createdAt().map(t -> ", created " + t).orElse(""));
    row("Autolock", c.autolockManagers()
        ? "on" + c.unlockKeyFingerprint().map(f -> ", unlock key " + f).orElse("") : "off");
    row("Certificates", "node expires " + HumanUnits.expiry(s.certificates().nodeNotAfter(), now)
        + ", root CA expires " + HumanUnits.expiry(s.certificates().caNotAfter(), now));
    raft(s.raft());
    out.printf("%nNodes (%d)%n", s.nodes().size());
    s.nodes().forEach(n -> out.printf("  %-25s %-20s %-7s %-7s %-6s v%-6d %s%s%n", n.id(), n.name(), n.role(),
        n.state(), n.availability(), n.version(), n.addr(), n.manager().map(InspectText::manager).orElse("")));
    out.printf("%nServices (%d)%n", s.services().size());
    s.services().forEach(this::service);
    out.printf("%nNetworks (%d)%n", s.networks().size());
    for (NetworkInfo n : s.networks()) {
      out.printf("  %-25s %-20s %-8s v%d%n", n.id(), n.name(), n.driver(), n.version());
    }
    out.printf("%nConfigs (%d)%n", s.configs().size());
    s.configs().forEach(cf -> out.printf("  %-25s %-20s v%-6d %s%s%n", cf.id(), cf.name(), cf.version(),
        HumanUnits.bytes(cf.dataBytes()), labels(cf.labels())));
    out.printf("%nSecrets (%d)%n", s.secrets().size());
    s.secrets().forEach(this::secret);
    out.printf("%nTasks (%d)%s%n", s.tasks().size(), s.tasks().isEmpty() ? "" : ": " + taskCounts(s.tasks()));
    if (!s.warnings().isEmpty()) {
      out.printf("%nWarnings%n");
      s.warnings().forEach(w -> out.println("  " + w));
    }
    out.flush();
  }

  private void raft(RaftSummary r) {
    row("Raft", "term " + r.term() + ", snapshot index " + r.snapshotIndex() + ", last index " + r.lastIndex()
        + ", commit " + r.commitIndex() + (r.uncommittedEntries() > 0 ? " (" + r.uncommittedEntries() + " uncommitted)" : "")
        + ", " + r.walSegments() + " WAL segment(s)" + (r.tornTail() ? ", torn tail dropped" : ""));
    row("This node", r.nodeId() + ", raft ID " + Long.toHexString(r.raftId()) + " at " + r.addr());
    for (RaftMemberInfo m : r.members()) {
      out.printf("  member %-16s %-25s %s%s%n", Long.toHexString(m.raftId()), m.nodeId(), m.addr(),
          m.raftId() == r.raftId() ? "  <- this node" : "");
    }
    if (!r.removed().isEmpty()) {
      row("Removed", r.removed().stream().map(Long::toHexString).collect(Collectors.joining(", ")));
    }
  }

  private void service(ServiceInfo s) {
    out.printf("  %-25s %-20s v%-6d %s, %s%n", s.id(), s.name(), s.version(), s.image(), mode(s.mode()));
    detail("networks", s.networks());
    detail("secrets", s.secrets());
    detail("configs", s.configs());
    detail("ports", s.ports().stream().map(InspectText::port).toList());
  }

  private void secret(SecretInfo s) {
    out.printf("  %-25s %-20s v%-6d%s%n", s.id(), s.name(), s.version(), labels(s.labels()));
    s.value().ifPresent(v -> out.println("    value: " + new String(v.reveal(), StandardCharsets.UTF_8)));
  }

  private void detail(String what, List<String> items) {
    if (!items.isEmpty()) {
      out.printf("    %-9s %s%n", what + ":", String.join(", ", items));
    }
  }

  /** A leader is named only where the state on disk can tell; elsewhere it says so. */
  private static String manager(ManagerInfo m) {
    return "  raft " + m.addr() + (m.leadership() == Leadership.LEADER ? ", leader" : ", leader unknown");
  }

  private static String mode(ServiceMode m) {
    return m.name() + m.replicas().map(r -> " " + r + " replica(s)").orElse("")
        + m.totalCompletions().map(t -> ", " + t + " completion(s)").orElse("")
        + m.maxConcurrent().map(c -> ", at most " + c + " at a time").orElse("");
  }

  private static String port(PublishedPort p) {
    return p.publishedPort() + "->" + p.targetPort() + "/" + p.protocol() + " (" + p.mode() + ")";
  }

  private static String labels(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "";
    }
    return "  " + new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  static String taskCounts(List<TaskInfo> tasks) {
    Map<String, Integer> counts = new TreeMap<>();
    tasks.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
    return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }

  private void row(String label, String value) {
    out.printf("%-13s %s%n", label + ":", value);
  }
}
