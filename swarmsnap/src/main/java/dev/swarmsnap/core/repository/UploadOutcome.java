package dev.swarmsnap.core.repository;

import java.util.Optional;

/**
 * Whether a backup's archive reached the repository after it was written locally.
 *
 * @param id the backup's ID in the repository
 * @param error why storing failed (the local archive is then kept)
 * @param hint what to do about it
 * @param localRemoved whether the local archive was removed after it was stored (--remove-local)
 */
public record UploadOutcome(String repository, boolean stored, String id, Optional<String> error,
    Optional<String> hint, boolean localRemoved) {}
