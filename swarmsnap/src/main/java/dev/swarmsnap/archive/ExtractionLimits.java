package dev.swarmsnap.archive;

import java.util.Objects;

/**
 * What {@link SafeExtractor} allows and does.
 *
 * @param maxFileBytes the largest original length a manifest may list for one file; real swarm
 *     files are at most a few hundred MB (snapshots), so 16 GiB only stops absurd values
 * @param ownership whether to restore the recorded uid and gid
 */
public record ExtractionLimits(long maxFileBytes, Ownership ownership) {
  public static final long DEFAULT_MAX_FILE_BYTES = 16L << 30;

  /** Whose files the extracted files become. */
  public enum Ownership {
    /** Recorded uid/gid when running as root (the normal restore); the current user's otherwise. */
    RECORDED_WHEN_ROOT,
    /** Always the current user's (tests, inspection copies). */
    CURRENT_USER
  }

  public ExtractionLimits {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive");
    }
    Objects.requireNonNull(ownership, "ownership");
  }

  public static ExtractionLimits defaults() {
    return new ExtractionLimits(DEFAULT_MAX_FILE_BYTES, Ownership.RECORDED_WHEN_ROOT);
  }
}
