package dev.swarmsnap.archive;

import dev.swarmsnap.archive.ArchiveProblem.Kind;
import dev.swarmsnap.core.manifest.Manifest;
import dev.swarmsnap.core.manifest.ManifestCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads archives without extracting them. {@link #readManifest} reads only the first entry;
 * {@link #verify} streams the whole archive and reports every problem it can (inspect mode: it
 * carries on past bad entries and stops only where the stream itself is broken). Thread-safe.
 */
public final class ArchiveReader {
  private final ManifestCodec codec;

  public ArchiveReader(ManifestCodec codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /**
   * Reads the manifest, the first entry, without decompressing the rest.
   *
   * @throws NotASwarmsnapArchiveException if the file is not a swarmsnap archive
   * @throws dev.swarmsnap.core.manifest.UnsupportedFormatVersionException for a newer format
   * @throws dev.swarmsnap.core.manifest.ManifestFormatException for an invalid manifest
   * @throws TruncatedArchiveException if the file ends inside the manifest
   * @throws CorruptArchiveException if the manifest's part of the stream is damaged
   */
  public Manifest readManifest(Path archive) {
    try (ArchiveCursor cursor = ArchiveCursor.open(archive, codec, ProgressListener.NONE)) {
      return cursor.manifest();
    }
  }

  /**
   * Reads every entry and checks it against the manifest: type, path, duplicates, unlisted and
   * missing entries, lengths and SHA-256, then the zstd checksum and the tar trailer.
   *
   * @param progress compressed bytes read of the file size
   * @return the report; problems in the content never throw
   * @throws NotASwarmsnapArchiveException and the other exceptions of {@link #readManifest} when
   *     the manifest cannot be read, as there is nothing to verify against
   */
  public ArchiveReport verify(Path archive, ProgressListener progress) {
    try (ArchiveCursor cursor = ArchiveCursor.open(archive, codec, progress)) {
      EntryRules rules = new EntryRules(cursor.manifest());
      List<ArchiveProblem> problems = new ArrayList<>();
      long entries = 0;
      String current = ArchiveCursor.MANIFEST_ENTRY;
      try {
        Optional<RawEntry> next;
        while ((next = cursor.next()).isPresent()) {
          entries++;
          RawEntry entry = next.get();
          current = entry.name();
          EntryRules.Verdict verdict = rules.check(entry);
          if (verdict instanceof EntryRules.Refused refused) {
            problems.add(refused.problem());
          } else if (verdict instanceof EntryRules.Accepted accepted && !accepted.file().isDirectory()) {
            EntryContent.copy(cursor, entry.name(), accepted.file(), EntryContent.Sink.DISCARD)
                .ifPresent(problems::add);
          }
        }
        problems.addAll(rules.missing());
        cursor.finish();
      } catch (TruncatedArchiveException e) {
        problems.add(new ArchiveProblem(Kind.TRUNCATED, current, e.getMessage()));
      } catch (CorruptArchiveException e) {
        problems.add(new ArchiveProblem(Kind.CORRUPT, current, e.getMessage()));
      } catch (IOException e) {
        // The discarding sink never throws.
        throw new UncheckedIOException(e);
      }
      return new ArchiveReport(cursor.manifest(), entries, problems);
    }
  }
}
