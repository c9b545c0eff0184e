package dev.swarmsnap.swarmstate.model;

import java.time.Instant;

/**
 * The node certificate and root CA of the swarm directory read (docs/swarm-state-format.md §7.1 check 2).
 *
 * @param nodeId CN of the node certificate
 * @param clusterId O of the node certificate
 * @param role OU: {@code swarm-manager} or {@code swarm-worker}
 * @param nodeNotAfter when the node certificate expires
 * @param caNotAfter when the (earliest) root CA certificate expires
 */
public record CertificateInfo(
    String nodeId, String clusterId, String role, Instant nodeNotAfter, Instant caNotAfter) {}
