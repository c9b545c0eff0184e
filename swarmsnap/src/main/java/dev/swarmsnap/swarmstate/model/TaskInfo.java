package dev.swarmsnap.swarmstate.model;

/**
 * A task.
 *
 * @param id task ID
 * @param name service name + "." + slot (or + "." + node ID for global services)
 * @param version meta.version.index
 * @param serviceId owning service
 * @param nodeId assigned node, empty if not assigned
 * @param desiredState desired state
 * @param state observed state
 */
public record TaskInfo(
    String id,
    String name,
    long version,
    String serviceId,
    String nodeId,
    String desiredState,
    String state) {}
