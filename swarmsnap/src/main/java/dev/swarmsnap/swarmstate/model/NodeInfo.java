package dev.swarmsnap.swarmstate.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A node.
 *
 * @param id node ID
 * @param name hostname (description.hostname), else spec name
 * @param version meta.version.index
 * @param role {@code manager} or {@code worker}
 * @param availability {@code active}, {@code pause} or {@code drain}
 * @param state status.state ({@code ready}, {@code down}, ...)
 * @param addr status.addr
 * @param manager its raft member, for a node in the raft membership (swarmkit does not store a
 *     node's manager status; the API fills it from the live raft)
 * @param engineVersion description.engine.engine_version
 */
public record NodeInfo(
    String id,
    String name,
    long version,
    String role,
    String availability,
    String state,
    String addr,
    Optional<ManagerInfo> manager,
    String engineVersion) {
  public NodeInfo {
    Objects.requireNonNull(manager, "manager");
  }
}
