package dev.swarmsnap.archive;

import com.github.luben.zstd.ZstdOutputStream;
import dev.swarmsnap.archive.manifest.FileMode;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.archive.manifest.Sha256;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.DurableWriteException;
import dev.swarmsnap.durable.PendingFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes an archive in one streaming pass: {@code manifest.json}, then {@code api/} entries, then
 * {@code swarm/} entries, each group sorted by path (so a directory precedes its content). The file
 * appears under its final name, mode 0600, only when complete and synced.
 *
 * <p>The manifest is the caller's: it already holds every stored length and SHA-256 (computed
 * while copying into staging). The writer re-hashes each source while streaming it and fails if the
 * bytes differ, so an archive never contradicts its own manifest. Thread-safe; each call is
 * independent.
 */
public final class ArchiveWriter {
  private static final int BUFFER = 1 << 16;

  private final AtomicFileWriter files;
  private final ManifestCodec codec;
  private final CompressionSettings compression;
  private final Optional<AgeRecipients> encryption;

  public ArchiveWriter(AtomicFileWriter files, ManifestCodec codec, CompressionSettings compression) {
    this(files, codec, compression, Optional.empty());
  }

  /**
   * A writer that, given recipients, encrypts the compressed stream with age on its way to the
   * pending file (docs/archive-format.md, "Encryption"): no plaintext archive byte reaches the disk.
   */
  public ArchiveWriter(
      AtomicFileWriter files, ManifestCodec codec, CompressionSettings compression, Optional<AgeRecipients> encryption) {
    this.files = Objects.requireNonNull(files, "files");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.compression = Objects.requireNonNull(compression, "compression");
    this.encryption = Objects.requireNonNull(encryption, "encryption");
  }

  /**
   * Writes {@code manifest} and the files of {@code sources} to {@code target}.
   *
   * @param sources exactly one per file (not directory) in the manifest
   * @throws IllegalArgumentException if sources and manifest do not match one to one
   * @throws ArchiveSourceException if a source is missing, not a regular file, shorter than its
   *     stored length, or its bytes do not hash to the manifest's SHA-256; nothing is published
   * @throws DurableWriteException if the archive cannot be written (full disk, permissions)
   */
  public WrittenArchive write(Path target, Manifest manifest, List<ArchiveSource> sources, ProgressListener progress) {
    return write(target, manifest, sources, progress, OutputStream.nullOutputStream());
  }

  /**
   * As {@link #write(Path, Manifest, List, ProgressListener)}, also handing every byte that goes to
   * the file to {@code mirror} as it is written (not closed here).
   */
  public WrittenArchive write(Path target, Manifest manifest, List<ArchiveSource> sources, ProgressListener progress,
      OutputStream mirror) {
    Map<String, Path> sourceByPath = matchSources(manifest, sources);
    byte[] manifestJson = codec.encode(manifest);
    ProgressMeter meter = new ProgressMeter(progress, manifestJson.length + manifest.totalStoredBytes());
    FileTime mtime = FileTime.from(manifest.createdAt());
    try (PendingFile pending = files.create(target, AtomicFileWriter.OWNER_ONLY)) {
      DigestingOutputStream counted = new DigestingOutputStream(pending, mirror);
      // Closing zstd closes the age stream (writing its last chunk); the counter keeps the file open.
      // The sealed stream is closed again last (idempotent) so that its thread ends on every path.
      try (OutputStream sealed = sealed(counted);
          ZstdOutputStream zstd = new ZstdOutputStream(sealed, compression.level());
          TarArchiveOutputStream tar = new TarArchiveOutputStream(zstd, "UTF-8")) {
        zstd.setChecksum(true);
        zstd.setWorkers(compression.workers());
        // PAX headers carry names over 100 bytes, sizes over 8 GiB and ids over 2097151.
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);

        TarArchiveEntry manifestEntry = new TarArchiveEntry(ArchiveCursor.MANIFEST_ENTRY, TarConstants.LF_NORMAL);
        manifestEntry.setSize(manifestJson.length);
        manifestEntry.setMode(0600);
        manifestEntry.setModTime(mtime);
        tar.putArchiveEntry(manifestEntry);
        tar.write(manifestJson);
        tar.closeArchiveEntry();
        meter.advance(manifestJson.length);

        for (ManifestFile file : inArchiveOrder(manifest)) {
          if (file.isDirectory()) {
            tar.putArchiveEntry(header(file.path() + "/", TarConstants.LF_DIR, file, 0, mtime));
          } else {
            tar.putArchiveEntry(header(file.path(), TarConstants.LF_NORMAL, file, file.storedLength(), mtime));
            copySource(file, sourceByPath.get(file.path()), tar, meter);
          }
          tar.closeArchiveEntry();
        }
        tar.finish();
      } catch (IOException e) {
        throw DurableWriteException.of("writing", target, e);
      }
      pending.commit();
      meter.finish();
      return new WrittenArchive(pending.target(), counted.count(), Sha256.of(counted.digest()));
    }
  }

  private OutputStream sealed(OutputStream file) throws IOException {
    return encryption.isPresent() ? ArchiveEncryption.encrypt(file, encryption.get()) : file;
  }

  /** api/ first (small, useful to inspect), then swarm/; by path within each. */
  static List<ManifestFile> inArchiveOrder(Manifest manifest) {
    return manifest.files().stream()
        .sorted(Comparator.comparing((ManifestFile f) -> f.path().startsWith("api") ? 0 : 1)
            .thenComparing(ManifestFile::path))
        .toList();
  }

  private static Map<String, Path> matchSources(Manifest manifest, List<ArchiveSource> sources) {
    Map<String, Path> byPath = new HashMap<>();
    for (ArchiveSource source : sources) {
      ManifestFile listed = manifest.file(source.path())
          .orElseThrow(() -> new IllegalArgumentException("source " + source.path() + " is not in the manifest"));
      if (listed.isDirectory()) {
        throw new IllegalArgumentException("source " + source.path() + " is a directory in the manifest");
      }
      if (byPath.put(source.path(), source.file()) != null) {
        throw new IllegalArgumentException("source " + source.path() + " is given twice");
      }
    }
    for (ManifestFile file : manifest.files()) {
      if (!file.isDirectory() && !byPath.containsKey(file.path())) {
        throw new IllegalArgumentException("manifest file " + file.path() + " has no source");
      }
    }
    return byPath;
  }

  private static TarArchiveEntry header(String name, byte flag, ManifestFile file, long size, FileTime mtime) {
    TarArchiveEntry entry = new TarArchiveEntry(name, flag);
    entry.setSize(size);
    entry.setMode(file.mode().bits());
    entry.setUserId(file.uid());
    entry.setGroupId(file.gid());
    entry.setUserName("");
    entry.setGroupName("");
    entry.setModTime(mtime);
    return entry;
  }

  /** Streams exactly the stored length of the source, hashing it on the way. */
  private static void copySource(ManifestFile file, Path source, TarArchiveOutputStream tar, ProgressMeter meter)
      throws IOException {
    MessageDigest digest = EntryContent.sha256();
    long remaining = file.storedLength();
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = openSource(file, source)) {
      while (remaining > 0) {
        int n;
        try {
          n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        } catch (IOException e) {
          throw sourceFailure(file, source, "cannot be read: " + e.getMessage(), e);
        }
        if (n < 0) {
          throw sourceFailure(file, source,
              "ended after " + (file.storedLength() - remaining) + " of " + file.storedLength()
                  + " bytes; it shrank since the manifest was made", null);
        }
        digest.update(buffer, 0, n);
        tar.write(buffer, 0, n);
        meter.advance(n);
        remaining -= n;
      }
    }
    Sha256 actual = Sha256.of(digest.digest());
    if (!actual.equals(file.sha256().orElseThrow())) {
      throw sourceFailure(file, source,
          "has SHA-256 " + actual + " but the manifest says " + file.sha256().orElseThrow()
              + "; it changed since the manifest was made", null);
    }
  }

  private static InputStream openSource(ManifestFile file, Path source) {
    try {
      // NOFOLLOW: a source that became a symlink must not pull a foreign file into the backup.
      FileChannel channel =
          FileChannel.open(source, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
      return Channels.newInputStream(channel);
    } catch (IOException e) {
      throw sourceFailure(file, source, "cannot be opened: " + e.getMessage(), e);
    }
  }

  private static ArchiveSourceException sourceFailure(ManifestFile file, Path source, String what, Throwable cause) {
    return new ArchiveSourceException("source " + source + " of entry " + file.path() + " " + what, cause);
  }
}
