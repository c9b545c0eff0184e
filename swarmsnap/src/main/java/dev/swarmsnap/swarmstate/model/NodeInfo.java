package dev.swarmsnap.swarmstate.model;

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
 * @param managerAddr manager_status.addr, empty for workers
 * @param leader manager_status.leader as last stored
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
    String managerAddr,
    boolean leader,
    String engineVersion) {}
