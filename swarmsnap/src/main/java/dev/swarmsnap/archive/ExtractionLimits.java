package dev.swarmsnap.archive;

import java.util.Objects;

/**
 * What {@link SafeExtractor} allows and does.
 *
 * @param maxFileBytes the largest original length a manifest may list for one file; real swarm
 *     files are at most a few hundred MB (snapshots), so 16 GiB only stops absurd values
 * @param maxStateBytes the most the manifest's files may add up to (original lengths): a real
 *     swarm directory is MBs to a few GB, and a small archive of zeros can claim far more
 * @param ownership whether to restore the recorded uid and gid
 */
public record ExtractionLimits(long maxFileBytes, long maxStateBytes, Ownership ownership) {
  public static final long DEFAULT_MAX_FILE_BYTES = 16L << 30;
  public static final long DEFAULT_MAX_STATE_BYTES = 8L << 30;

  /** Whose files the extracted files become. */
  public enum Ownership {
    /** Recorded uid/gid when running as root (the normal restore); the current user's otherwise. */
    RECORDED_WHEN_ROOT,
    /** Always the current user's (tests, inspection copies). */
    CURRENT_USER
  }

  public ExtractionLimits {
    if (maxFileBytes <= 0 || maxStateBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes and maxStateBytes must be positive");
    }
    Objects.requireNonNull(ownership, "ownership");
  }

  /** With the default cap on the whole state. */
  public ExtractionLimits(long maxFileBytes, Ownership ownership) {
    this(maxFileBytes, DEFAULT_MAX_STATE_BYTES, ownership);
  }

  public static ExtractionLimits defaults() {
    return new ExtractionLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_STATE_BYTES, Ownership.RECORDED_WHEN_ROOT);
  }

  /** These limits with another cap on the whole state. */
  public ExtractionLimits withMaxStateBytes(long bytes) {
    return new ExtractionLimits(maxFileBytes, bytes, ownership);
  }
}
