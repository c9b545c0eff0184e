package dev.swarmsnap.swarmstate.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The cluster object (always named {@code default}).
 *
 * @param id cluster ID (= O of the node certificate)
 * @param name {@code default}
 * @param version meta.version.index
 * @param createdAt meta.created_at, when recorded
 * @param autolockManagers spec.encryption_config.auto_lock_managers
 * @param unlockKeyFingerprint fingerprint of the KEK stored in the cluster object, when autolocked
 *     (same scheme as the unlock key's fingerprint; the key itself is never exposed)
 * @param snapshotInterval spec.raft.snapshot_interval
 */
public record ClusterInfo(
    String id,
    String name,
    long version,
    Optional<Instant> createdAt,
    boolean autolockManagers,
    Optional<String> unlockKeyFingerprint,
    long snapshotInterval) {}
