package dev.swarmsnap.core.repository;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ArchiveReport;
import dev.swarmsnap.durable.StagingDirectory;
import dev.swarmsnap.repository.VerifyResult;
import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.BackupRepository;
import dev.swarmsnap.repository.TransferProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code copy}: stores backups of one repository in another, index record unchanged. Each archive
 * goes through a private temp directory: downloaded and checked against its SHA-256, then stored
 * archive first and index last, so an interrupted copy leaves nothing visible in the target.
 * Backups the target already holds (same ID) are skipped, so a copy can simply be run again.
 */
public final class CopyService {
  private final Path tempRoot;

  public CopyService(Path tempRoot) {
    this.tempRoot = Objects.requireNonNull(tempRoot, "tempRoot");
  }

  /**
   * Copies the backups {@code refs} name ({@code latest} or ID prefixes), or all when {@code refs} is empty.
   *
   * @param copied called with each ID once it is stored
   */
  public CopyReport copy(BackupRepository from, BackupRepository to, List<String> refs, Optional<String> cluster,
      Consumer<String> copied) {
    List<BackupIndex> available = from.list();
    BackupCatalog catalog = new BackupCatalog();
    Map<String, BackupIndex> selected = new LinkedHashMap<>();
    if (refs.isEmpty()) {
      catalog.newestFirst(available, cluster).forEach(b -> selected.put(b.id(), b));
    } else {
      for (String ref : refs) {
        BackupIndex b = catalog.resolve(available, ref, cluster, from.describe());
        selected.put(b.id(), b);
      }
    }
    List<String> done = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (BackupIndex backup : selected.values()) {
      if (to.contains(backup.id())) {
        skipped.add(backup.id());
        continue;
      }
      try (StagingDirectory scratch = StagingDirectory.createNextTo(tempRoot.resolve("swarmsnap-copy"))) {
        Path archive = scratch.path().resolve(backup.archiveName());
        from.fetch(backup, archive, TransferProgress.NONE);
        to.store(archive, backup, TransferProgress.NONE);
        deleteQuietly(archive);
      }
      done.add(backup.id());
      copied.accept(backup.id());
    }
    return new CopyReport(from.describe(), to.describe(), done, skipped);
  }

  /**
   * Stores a local archive file (one whose upload failed after {@code backup --repo}) in {@code to}.
   * Its integrity is checked first (every entry against the manifest); its record says verify
   * {@code not-run}, as the full state checks of backup are not repeated here.
   *
   * @throws dev.swarmsnap.error.SwarmsnapException VERIFY_FAILED when the archive is damaged
   */
  public CopyReport storeArchive(Path archive, BackupRepository to, ArchiveReader reader) {
    ArchiveReport integrity = reader.verify(archive, dev.swarmsnap.archive.ProgressListener.NONE);
    if (!integrity.problems().isEmpty()) {
      throw new dev.swarmsnap.error.SwarmsnapException(dev.swarmsnap.error.ExitCode.VERIFY_FAILED,
          archive + " is damaged: " + integrity.problems().get(0), "run 'swarmsnap verify " + archive + "' for every problem");
    }
    BackupIndex index = new BackupRecords().fromArchive(archive, integrity.manifest(), VerifyResult.NOT_RUN);
    if (to.contains(index.id())) {
      return new CopyReport(archive.toString(), to.describe(), List.of(), List.of(index.id()));
    }
    to.store(archive, index, TransferProgress.NONE);
    return new CopyReport(archive.toString(), to.describe(), List.of(index.id()), List.of());
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
