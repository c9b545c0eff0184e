package dev.swarmsnap.core.backup;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ArchiveSource;
import dev.swarmsnap.archive.ArchiveWriter;
import dev.swarmsnap.archive.CheckedArchiveWriter;
import dev.swarmsnap.archive.CompressionSettings;
import dev.swarmsnap.archive.WrittenArchive;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.crypto.age.AgeKeyPair;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The last step of a backup: the archive, age-encrypted when asked, written and read back at once. */
final class ReadBackArchiveWriter {
  private final ManifestCodec codec;
  private final Optional<AgeRecipients> encryption;

  ReadBackArchiveWriter(ManifestCodec codec, Optional<AgeRecipients> encryption) {
    this.codec = codec;
    this.encryption = encryption;
  }

  /**
   * Writes the archive, encrypted when asked, and reads it back whole while it is written
   * ({@link CheckedArchiveWriter}). An encrypted archive is also encrypted to {@code readBackKey}, a
   * single-use key pair that never leaves memory, so the check decrypts the very bytes that went to
   * disk without the user's identity (docs/archive-format.md).
   */
  WrittenArchive write(Path target, Manifest manifest, List<ArchiveSource> sources,
      Optional<AgeKeyPair> readBackKey, BackupListener listener) {
    CheckedArchiveWriter writer;
    if (encryption.isEmpty()) {
      listener.step("writing " + target);
      writer = new CheckedArchiveWriter(
          new ArchiveWriter(new AtomicFileWriter(), codec, CompressionSettings.defaults()), new ArchiveReader(codec));
    } else {
      AgeRecipients recipients = encryption.get();
      AgeKeyPair key = readBackKey.orElseThrow();
      listener.step("writing " + target + " (age-encrypted to " + recipients.list().size()
          + (recipients.list().size() == 1 ? " recipient)" : " recipients)"));
      writer = new CheckedArchiveWriter(
          new ArchiveWriter(new AtomicFileWriter(), codec, CompressionSettings.defaults(),
              Optional.of(recipients.plus(key.recipient()))),
          new ArchiveReader(codec, key.identity()));
    }
    CheckedArchiveWriter.Result result = writer.write(target, manifest, sources, listener::progress);
    if (!result.intact()) {
      Path archive = result.archive().path();
      try {
        Files.deleteIfExists(archive);
      } catch (IOException ignored) {
        // Reported below either way; a leftover damaged archive is named in the message.
      }
      throw new SwarmsnapException(
          ExitCode.VERIFY_FAILED,
          "the archive written to " + archive + " does not read back intact: " + result.problems(),
          "check the disk it was written to; the engine runs and nothing else changed");
    }
    return result.archive();
  }
}
