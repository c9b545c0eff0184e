package dev.swarmsnap.archive;

import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.durable.DurableWriteException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Extracts an archive into a new directory, strictly: only entries the manifest lists, only files
 * and directories, each checked (type, path, duplicate, size, SHA-256) before or while it is
 * written. Files get their original length back (stored bytes, then zeros: WAL segments are
 * preallocated, docs/swarm-state-format.md §1), their recorded mode, and their recorded owner when
 * running as root. On any failure everything written is removed and nothing outside the target is
 * ever touched. Thread-safe; each call is independent.
 */
public final class SafeExtractor {
  private final ManifestCodec codec;
  private final ExtractionLimits limits;
  private final AgeIdentities identities;

  public SafeExtractor(ManifestCodec codec, ExtractionLimits limits) {
    this(codec, limits, AgeIdentities.none());
  }

  /**
   * An extractor that also opens age-encrypted archives with {@code identities} (owned by the
   * caller). A chunk that fails authentication stops the extraction like any other corruption:
   * everything written is removed.
   */
  public SafeExtractor(ManifestCodec codec, ExtractionLimits limits, AgeIdentities identities) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.identities = Objects.requireNonNull(identities, "identities");
  }

  /**
   * Extracts {@code archive} into {@code target}, which this call creates.
   *
   * @param progress stored bytes written of the manifest's total
   * @throws ExtractionTargetException if {@code target} exists or its parent is not a directory
   * @throws UnsafeArchiveEntryException for a hostile entry (link, device, {@code ..}, absolute,
   *     duplicate, unlisted, oversized) or a manifest length over the cap
   * @throws CorruptArchiveException for damage (zstd, tar, length, SHA-256, missing entry)
   * @throws TruncatedArchiveException if the archive ends early, naming the entry
   * @throws DurableWriteException if the target filesystem fails or is full
   */
  public ExtractionResult extract(Path archive, Path target, ProgressListener progress) {
    Path root = checkTarget(target);
    try (ArchiveCursor cursor = ArchiveCursor.open(archive, codec, ProgressListener.NONE, identities)) {
      Manifest manifest = cursor.manifest();
      checkCaps(manifest, cursor.label());
      checkSpace(root, manifest);
      ExtractionTree tree = ExtractionTree.create(root, limits.ownership());
      try {
        return extractEntries(cursor, tree, new ProgressMeter(progress, manifest.totalStoredBytes()));
      } catch (RuntimeException | Error e) {
        // Whatever went wrong, leave no half-restored tree behind; then report the original cause.
        try {
          tree.remove();
        } catch (DurableWriteException removal) {
          e.addSuppressed(removal);
        }
        throw e;
      }
    }
  }

  private ExtractionResult extractEntries(ArchiveCursor cursor, ExtractionTree tree, ProgressMeter meter) {
    Manifest manifest = cursor.manifest();
    EntryRules rules = new EntryRules(manifest);
    int files = 0;
    int directories = 0;
    long stored = 0;
    long restored = 0;
    Optional<RawEntry> next;
    while ((next = cursor.next()).isPresent()) {
      RawEntry entry = next.get();
      EntryRules.Verdict verdict = rules.check(entry);
      if (verdict instanceof EntryRules.Refused refused) {
        throw refused.problem().toException(cursor.label());
      }
      ManifestFile file = ((EntryRules.Accepted) verdict).file();
      if (file.isDirectory()) {
        tree.directory(file);
        directories++;
      } else {
        writeFile(cursor, entry, file, tree, meter);
        files++;
        stored += file.storedLength();
        restored += file.originalLength();
      }
    }
    List<ArchiveProblem> missing = rules.missing();
    if (!missing.isEmpty()) {
      throw new CorruptArchiveException(
          "archive " + cursor.label() + " lacks " + missing.size() + " entries its manifest lists: "
              + missing.stream().limit(5).map(ArchiveProblem::entry).collect(Collectors.joining(", "))
              + (missing.size() > 5 ? ", ..." : ""),
          null);
    }
    cursor.finish();
    tree.finish();
    meter.finish();
    return new ExtractionResult(manifest, tree.root(), files, directories, stored, restored, tree.restoresOwners());
  }

  private static void writeFile(
      ArchiveCursor cursor, RawEntry entry, ManifestFile file, ExtractionTree tree, ProgressMeter meter) {
    Path path = tree.resolve(file.path());
    try (FileChannel channel = tree.newFile(file)) {
      Optional<ArchiveProblem> problem =
          EntryContent.copy(cursor, entry.name(), file, (buffer, length) -> {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
            while (bytes.hasRemaining()) {
              channel.write(bytes);
            }
            meter.advance(length);
          });
      if (problem.isPresent()) {
        throw problem.get().toException(cursor.label());
      }
      if (file.originalLength() > file.storedLength()) {
        // One zero byte at the last position: the gap reads as zeros (sparse where the
        // filesystem allows), exactly like the preallocated tail that was not stored.
        channel.write(ByteBuffer.allocate(1), file.originalLength() - 1);
      }
      channel.force(true);
    } catch (IOException e) {
      throw DurableWriteException.of("writing", path, e);
    }
  }

  private static Path checkTarget(Path target) {
    Path root = target.toAbsolutePath().normalize();
    Path parent = root.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new ExtractionTargetException(
          "cannot extract into " + root + ": its parent directory does not exist",
          "create " + parent + " first or choose another target");
    }
    if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new ExtractionTargetException(
          "extraction target " + root + " already exists",
          "give a directory that does not exist yet; swarmsnap never extracts into an existing one");
    }
    return root;
  }

  /**
   * Refuses what the manifest lists before anything is written. Each entry's content is then held
   * to its manifest length while it is written ({@link EntryContent}), and each path is accepted
   * once, so an archive whose entries hold more than its manifest says cannot get past the caps.
   */
  private void checkCaps(Manifest manifest, String label) {
    for (ManifestFile file : manifest.files()) {
      if (file.originalLength() > limits.maxFileBytes()) {
        throw new UnsafeArchiveEntryException(
            "archive " + label + ": the manifest lists " + file.path() + " with " + file.originalLength()
                + " bytes, over the cap of " + limits.maxFileBytes() + " bytes per file",
            null);
      }
    }
    // Saturating: a hostile manifest's lengths may add up past Long.MAX_VALUE.
    long total = manifest.files().stream().mapToLong(ManifestFile::originalLength)
        .reduce(0, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    if (total > limits.maxStateBytes()) {
      throw new ExtractionLimitException(
          "archive " + label + " would restore " + binary(total) + " of swarm state, over the cap of "
              + binary(limits.maxStateBytes()) + "; a swarm directory holds MBs to a few GB",
          "check the backup with 'swarmsnap inspect'; if it really holds that much, raise the cap with"
              + " --max-state-size");
    }
  }

  /** Whole binary units, rounded up: a cap of 8 GiB reads as such, 9 GiB and a byte as 9217 MiB. */
  private static String binary(long bytes) {
    if (bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= 1L << 20) {
      return ((bytes >> 20) + (bytes % (1L << 20) == 0 ? 0 : 1)) + " MiB";
    }
    return ((bytes >> 10) + (bytes % 1024 == 0 ? 0 : 1)) + " KiB";
  }

  /** Sparse zero tails take no space, so only the stored bytes must fit. */
  private static void checkSpace(Path root, Manifest manifest) {
    try {
      var store = Files.getFileStore(root.getParent());
      long needed = manifest.totalStoredBytes();
      if (store.getUsableSpace() < needed) {
        throw new DurableWriteException(
            "not enough space on " + store + " to extract into " + root + ": needs " + needed
                + " bytes, " + store.getUsableSpace() + " available",
            "free space or choose another target",
            null);
      }
    } catch (IOException e) {
      throw DurableWriteException.of("inspecting the filesystem of", root, e);
    }
  }
}
