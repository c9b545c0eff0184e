package dev.swarmsnap.swarmstate.model;

import java.util.List;

/**
 * A swarm's current state read offline: snapshot plus committed WAL entries (docs/swarm-state-format.md §4.7).
 *
 * @param cluster the cluster object
 * @param raft raft log summary and membership
 * @param nodes nodes, by ID
 * @param services services, by ID
 * @param networks swarm networks as the Engine API lists them (no predefined bridge, host), by ID
 * @param configs configs, by ID
 * @param secrets secrets (names and labels; values only if revealed), by ID
 * @param tasks tasks, by ID
 * @param certificates node certificate and root CA facts
 * @param warnings non-fatal observations (torn tail repaired, broken older snapshot, ...)
 */
public record SwarmState(
    ClusterInfo cluster,
    RaftSummary raft,
    List<NodeInfo> nodes,
    List<ServiceInfo> services,
    List<NetworkInfo> networks,
    List<ConfigInfo> configs,
    List<SecretInfo> secrets,
    List<TaskInfo> tasks,
    CertificateInfo certificates,
    List<String> warnings) {
  public SwarmState {
    nodes = List.copyOf(nodes);
    services = List.copyOf(services);
    networks = List.copyOf(networks);
    configs = List.copyOf(configs);
    secrets = List.copyOf(secrets);
    tasks = List.copyOf(tasks);
    warnings = List.copyOf(warnings);
  }
}
