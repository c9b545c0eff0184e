package dev.swarmsnap.archive;

import java.util.Objects;

/**
 * One thing wrong with an archive, found by {@link ArchiveReader#verify}.
 *
 * @param entry the entry's name as stored in the tar (or listed in the manifest, for a missing one)
 */
public record ArchiveProblem(Kind kind, String entry, String detail) {
  /** What is wrong; each kind maps to one exception when extracting. */
  public enum Kind {
    /** Listed in the manifest, absent from the archive. */
    MISSING_ENTRY,
    /** In the archive, not listed in the manifest. */
    UNEXPECTED_ENTRY,
    /** The same name twice. */
    DUPLICATE_ENTRY,
    /** A link, device, fifo or other non-file entry, or an absolute or {@code ..} path. */
    UNSAFE_ENTRY,
    /** Larger than its manifest entry, or than the configured cap. */
    OVERSIZED_ENTRY,
    /** A file where the manifest lists a directory, or the reverse. */
    KIND_MISMATCH,
    /** Fewer bytes than the manifest's stored length. */
    LENGTH_MISMATCH,
    /** The stored bytes do not hash to the manifest's SHA-256. */
    HASH_MISMATCH,
    /** The compressed or tar stream ends early. */
    TRUNCATED,
    /** A damaged zstd frame, tar header or trailer. */
    CORRUPT
  }

  public ArchiveProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(detail, "detail");
  }

  /** The exception strict readers (extraction) throw for this problem in {@code archive}. */
  RuntimeException toException(String archive) {
    String message = "archive " + archive + ": entry " + entry + " " + detail;
    return switch (kind) {
      case UNEXPECTED_ENTRY, DUPLICATE_ENTRY, UNSAFE_ENTRY, OVERSIZED_ENTRY ->
          new UnsafeArchiveEntryException(message, null);
      case TRUNCATED -> new TruncatedArchiveException(message, null);
      case MISSING_ENTRY, KIND_MISMATCH, LENGTH_MISMATCH, HASH_MISMATCH, CORRUPT ->
          new CorruptArchiveException(message, null);
    };
  }

  @Override
  public String toString() {
    return entry + ": " + detail;
  }
}
