package dev.swarmsnap.core.status;

import java.time.Instant;
import java.util.Optional;

/**
 * What the swarm directory on this host shows without the engine.
 *
 * @param allocatedBytes bytes the files occupy, including preallocated WAL space
 * @param realDataBytes bytes a backup must copy: WAL segments only up to their last record, no
 *     preallocated {@code .tmp} segments (docs/swarm-state-format.md §1)
 * @param problem why the directory could not be read, when it could not
 */
public record SwarmDirectoryFacts(
    String path,
    boolean present,
    Optional<Long> allocatedBytes,
    Optional<Long> realDataBytes,
    Optional<Instant> nodeCertificateExpiry,
    Optional<Instant> caCertificateExpiry,
    Optional<String> problem) {}
