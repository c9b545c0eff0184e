package dev.swarmsnap.archive;

import dev.swarmsnap.archive.ArchiveProblem.Kind;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.crypto.age.AgeIdentities;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Reads archives without extracting them. {@link #readManifest} reads only the first entry;
 * {@link #verify} streams the whole archive and reports every problem it can (inspect mode: it
 * carries on past bad entries and stops only where the stream itself is broken). Thread-safe.
 */
public final class ArchiveReader {
  private final ManifestCodec codec;
  private final AgeIdentities identities;
  /** Encrypted files already read to the end and found authentic (see {@link #authenticated}). */
  private final Set<FileVersion> authentic = ConcurrentHashMap.newKeySet();

  /** A reader for plain archives; an encrypted one is refused with {@link EncryptedArchiveException}. */
  public ArchiveReader(ManifestCodec codec) {
    this(codec, AgeIdentities.none());
  }

  /**
   * A reader that also opens age-encrypted archives with one of {@code identities} (not wiped
   * here: the caller owns them).
   */
  public ArchiveReader(ManifestCodec codec, AgeIdentities identities) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.identities = Objects.requireNonNull(identities, "identities");
  }

  /**
   * Reads the manifest, the first entry, without decompressing the rest.
   *
   * @throws NotASwarmsnapArchiveException if the file is not a swarmsnap archive
   * @throws dev.swarmsnap.archive.manifest.UnsupportedFormatVersionException for a newer format
   * @throws dev.swarmsnap.archive.manifest.ManifestFormatException for an invalid manifest
   * @throws TruncatedArchiveException if the file ends inside the manifest
   * @throws CorruptArchiveException if the manifest's part of the stream is damaged
   */
  public Manifest readManifest(Path archive) {
    authenticated(archive);
    try (ArchiveCursor cursor = ArchiveCursor.open(archive, codec, ProgressListener.NONE, identities)) {
      return cursor.manifest();
    }
  }

  /** Receives entries from {@link #read}. */
  @FunctionalInterface
  public interface EntryVisitor {
    /**
     * Reads one entry's content (or not: the rest is skipped).
     *
     * @param content the stored bytes; at its end, length and SHA-256 are checked against the
     *     manifest (a mismatch throws {@link CorruptArchiveException}); must not be closed
     * @return false to stop reading the archive here
     */
    boolean visit(ManifestFile file, InputStream content) throws IOException;
  }

  /**
   * Streams the archive strictly, handing the file entries {@code wanted} accepts to {@code
   * visitor} in archive order (manifest first, then {@code api/}, then {@code swarm/}, each
   * sorted by path), without extracting anything. Every entry is judged as in extraction (type,
   * path, duplicate, listed, kind, size), and the first entry refused throws. Stops early when the
   * visitor says so, so reading a small entry near the front costs only the bytes before it.
   *
   * @throws NotASwarmsnapArchiveException and the other exceptions of {@link #readManifest}
   * @throws UnsafeArchiveEntryException for a link, device, absolute or {@code ..} path, unlisted,
   *     duplicate or oversized entry
   * @throws TruncatedArchiveException if the archive ends early
   * @throws CorruptArchiveException for damaged zstd or tar data, or a length or hash mismatch
   * @throws UncheckedIOException if the visitor throws an {@link IOException}
   */
  public void read(Path archive, Predicate<ManifestFile> wanted, EntryVisitor visitor) {
    authenticated(archive);
    try (ArchiveCursor cursor = ArchiveCursor.open(archive, codec, ProgressListener.NONE, identities)) {
      EntryRules rules = new EntryRules(cursor.manifest());
      Optional<RawEntry> next;
      while ((next = cursor.next()).isPresent()) {
        RawEntry entry = next.get();
        EntryRules.Verdict verdict = rules.check(entry);
        if (verdict instanceof EntryRules.Refused refused) {
          throw refused.problem().toException(cursor.label());
        }
        ManifestFile file = ((EntryRules.Accepted) verdict).file();
        if (!file.isDirectory() && wanted.test(file)) {
          EntryStream content = new EntryStream(cursor, cursor.label(), entry.name(), file);
          if (!visitor.visit(file, content)) {
            return;
          }
        }
      }
      rules.missing().stream().findFirst().ifPresent(p -> {
        throw p.toException(cursor.label());
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    return verify(ArchiveCursor.open(archive, codec, progress, identities));
  }

  /**
   * As {@link #verify(Path, ProgressListener)}, for an archive arriving as a stream ({@code in},
   * read to its end and closed): the bytes of an archive being written.
   *
   * @param label names the archive in the report and in errors
   */
  public ArchiveReport verify(InputStream in, String label) {
    return verify(ArchiveCursor.open(label, -1, in, codec, ProgressListener.NONE, identities));
  }

  private ArchiveReport verify(ArchiveCursor opened) {
    try (ArchiveCursor cursor = opened) {
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

  /**
   * Readers that stop early ({@link #readManifest}, {@link #read}) must not act on an encrypted
   * file whose later chunks fail authentication, so such a file is first decrypted whole, once per
   * version of the file (path, size, modification time, inode) and reader.
   */
  private void authenticated(Path archive) {
    ArchiveCursor.requireRegularFile(archive);
    if (!ArchiveEncryption.isEncrypted(archive)) {
      return;
    }
    if (ArchiveEncryption.isPassphraseEncrypted(archive)) {
      throw EncryptedArchiveException.passphrase(archive.toString());
    }
    if (identities.isEmpty()) {
      throw EncryptedArchiveException.identityNeeded(archive.toString());
    }
    FileVersion version = FileVersion.of(archive);
    if (version != null && authentic.contains(version)) {
      return;
    }
    ArchiveEncryption.authenticate(archive, identities);
    if (version != null) {
      authentic.add(version);
    }
  }

  private record FileVersion(Path path, long size, FileTime modified, Object fileKey) {
    static FileVersion of(Path archive) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(archive, BasicFileAttributes.class);
        return new FileVersion(archive.toAbsolutePath().normalize(), attributes.size(),
            attributes.lastModifiedTime(), attributes.fileKey());
      } catch (IOException e) {
        return null;
      }
    }
  }
}
