package dev.swarmsnap.core.repository;

import dev.swarmsnap.archive.ArchiveEncryption;
import dev.swarmsnap.archive.ArchiveName;
import dev.swarmsnap.core.backup.BackupReport;
import dev.swarmsnap.archive.manifest.FormatVersion;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.Sha256;
import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.VerifyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the {@link BackupIndex} record of an archive. Stateless. */
public final class BackupRecords {
  /**
   * The record of the archive a backup just wrote; backup verified it (state and read-back) or it
   * would have failed, so its verify result is {@code passed}.
   */
  public BackupIndex fromReport(BackupReport report, String toolVersion) {
    Path archive = Path.of(report.archive());
    return new BackupIndex(BackupIndex.CURRENT_VERSION, report.archiveSha256(), report.createdAt(), report.clusterId(),
        report.hostname(), report.nodeId(), report.engineVersion(), toolVersion,
        archive.getFileName().toString(), FormatVersion.CURRENT.number(), report.archiveBytes(),
        report.archiveSha256(), ArchiveEncryption.isEncrypted(archive), report.autolock(), report.unlockKeyFingerprint(), VerifyResult.PASSED);
  }

  /** The record of an existing archive file, from its manifest; hashes the file. */
  public BackupIndex fromArchive(Path archive, Manifest manifest, VerifyResult verify) {
    String sha256 = sha256(archive);
    long size;
    try {
      size = Files.size(archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean encrypted = ArchiveEncryption.isEncrypted(archive);
    ArchiveName standard = ArchiveName.of(manifest.node().clusterId(), manifest.node().hostname(), manifest.createdAt());
    String name = encrypted ? standard.encryptedFileName() : standard.fileName();
    return new BackupIndex(BackupIndex.CURRENT_VERSION, sha256, manifest.createdAt(), manifest.node().clusterId(),
        manifest.node().hostname(), manifest.node().nodeId(), manifest.engine().engineVersion(), manifest.toolVersion(),
        name, manifest.formatVersion().number(), size, sha256, encrypted, manifest.lock().autolock(),
        manifest.lock().unlockKeyFingerprint(), verify);
  }

  static String sha256(Path file) {
    try {
      return Sha256.ofFile(file).hex();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
