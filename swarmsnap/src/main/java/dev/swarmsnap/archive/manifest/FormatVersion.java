package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The archive format version, one integer in {@code manifest.json}. It changes only when an older
 * reader would misread an archive (a field changes meaning, the entry layout or compression
 * changes); fields that old readers may safely ignore are added without a change, because readers
 * ignore unknown fields. This build writes {@link #CURRENT} and reads {@link #OLDEST_READABLE}
 * through {@link #NEWEST_READABLE}.
 */
public record FormatVersion(int number) {
  public static final FormatVersion CURRENT = new FormatVersion(1);
  public static final FormatVersion OLDEST_READABLE = new FormatVersion(1);
  public static final FormatVersion NEWEST_READABLE = new FormatVersion(1);

  public FormatVersion {
    if (number < 1) {
      throw new IllegalArgumentException("format version must be >= 1, was " + number);
    }
  }

  @JsonCreator
  public static FormatVersion of(int number) {
    return new FormatVersion(number);
  }

  @JsonValue
  public int number() {
    return number;
  }

  /**
   * Checks that this build can read archives of this version.
   *
   * @throws UnsupportedFormatVersionException if the version is newer or older than the range
   */
  public FormatVersion requireReadable() {
    if (number > NEWEST_READABLE.number) {
      throw new UnsupportedFormatVersionException(
          "archive format " + number + " is newer than this swarmsnap understands ("
              + NEWEST_READABLE.number + "); upgrade swarmsnap",
          "install a swarmsnap release that reads format " + number);
    }
    if (number < OLDEST_READABLE.number) {
      throw new UnsupportedFormatVersionException(
          "archive format " + number + " is older than the oldest this swarmsnap reads ("
              + OLDEST_READABLE.number + ")",
          "read it with an older swarmsnap release");
    }
    return this;
  }

  @Override
  public String toString() {
    return Integer.toString(number);
  }
}
