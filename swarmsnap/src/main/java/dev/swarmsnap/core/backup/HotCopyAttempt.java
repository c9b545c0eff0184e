package dev.swarmsnap.core.backup;

import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.SwarmDirectoryUsage;
import dev.swarmsnap.swarmstate.raft.TornTail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One try at copying a running engine's swarm directory in the order that makes the copy one
 * moment of the raft state (docs/engine-behaviour.md §4.6): keys and certificates, then the raft
 * snapshot, then the WAL segments (their real data only), then the directory is listed again. The
 * order is the rule, because swarmkit writes a snapshot's WAL record before the {@code .snap} file
 * (storage.go SaveSnapshot): a snapshot copied first always has its record in the WAL copied after
 * it, while a WAL copied before a newer snapshot lacks the entries that snapshot covers and dockerd
 * panics on the copy ("state.commit is out of range").
 */
final class HotCopyAttempt {
  /** Test pause points: the named moments between the three copy steps. */
  static final String KEYS_COPIED = "hot-keys-copied";
  static final String SNAPSHOT_COPIED = "hot-snapshot-copied";
  static final String WAL_COPIED = "hot-wal-copied";

  private final SwarmDirectoryUsage usage = new SwarmDirectoryUsage();
  private final TornTail tornTail = new TornTail();

  /**
   * What one try copied.
   *
   * @param files what is in staging, directories first
   * @param change why the copy may mix two moments (then it must be thrown away), or empty
   * @param kekChanged the node key was re-encrypted meanwhile: the unlock key in hand is stale
   * @param cut the torn final WAL record cut off the copy, if there was one
   */
  record Result(List<StagedFile> files, Optional<String> change, boolean kekChanged, Optional<TornTail.Cut> cut) {
    Result {
      files = List.copyOf(files);
    }
  }

  /**
   * Copies {@code swarmDir} into {@code staging/swarm}, which must not exist yet.
   *
   * @param phases told each pause point as it is passed
   */
  Result run(Path swarmDir, Path staging, Consumer<String> phases) {
    DirectoryListing before = DirectoryListing.of(swarmDir);
    List<SwarmDirectoryUsage.DataFile> files = usage.dataFiles(swarmDir);
    Path target = staging.resolve("swarm");
    List<StagedFile> staged = new ArrayList<>(StagingCopier.directories(swarmDir));
    List<SwarmDirectoryUsage.DataFile> keysFirst = files.stream()
        .filter(f -> !inRaft(f, "snap") && !inRaft(f, "wal"))
        .sorted(Comparator.comparing((SwarmDirectoryUsage.DataFile f) -> !f.relativePath().startsWith("certificates")))
        .toList();
    Optional<String> vanished = copyAll(swarmDir, keysFirst, target, staged);
    phases.accept(KEYS_COPIED);
    vanished = vanished.or(() -> copyAll(swarmDir, files.stream().filter(f -> inRaft(f, "snap")).toList(), target, staged));
    phases.accept(SNAPSHOT_COPIED);
    vanished = vanished.or(() -> copyAll(swarmDir, files.stream().filter(f -> inRaft(f, "wal")).toList(), target, staged));
    phases.accept(WAL_COPIED);
    DirectoryListing after = DirectoryListing.of(swarmDir);
    Optional<String> change = vanished.or(() -> after.changeSince(before));
    if (change.isPresent()) {
      return new Result(staged, change, after.kekChangedSince(before), Optional.empty());
    }
    Optional<TornTail.Cut> cut = cutTornTail(target, files);
    return new Result(cut.map(c -> withCut(staged, staging, c)).orElse(staged), change, false, cut);
  }

  /** Copies {@code files} in order; stops at a file the engine removed meanwhile and says which. */
  private static Optional<String> copyAll(
      Path swarmDir, List<SwarmDirectoryUsage.DataFile> files, Path target, List<StagedFile> staged) {
    for (SwarmDirectoryUsage.DataFile file : files) {
      try {
        staged.add(StagingCopier.copyOne(swarmDir, file, target));
      } catch (SwarmsnapException e) {
        if (Files.exists(swarmDir.resolve(file.relativePath()))) {
          throw e;
        }
        return Optional.of(file.relativePath() + " was removed during the copy");
      }
    }
    return Optional.empty();
  }

  /**
   * The live segment is the last of the newest WAL directory (swarmkit writes only
   * {@code wal-v3-encrypted}; the older names are read-only leftovers of upgrades).
   */
  private Optional<TornTail.Cut> cutTornTail(Path target, List<SwarmDirectoryUsage.DataFile> files) {
    return files.stream()
        .filter(SwarmDirectoryUsage.DataFile::walSegment)
        .map(SwarmDirectoryUsage.DataFile::relativePath)
        .max(Comparator.comparing((Path p) -> p.getName(1).toString().length()).thenComparing(p -> p))
        .flatMap(live -> tornTail.cut(target.resolve(live)));
  }

  private static List<StagedFile> withCut(List<StagedFile> staged, Path staging, TornTail.Cut cut) {
    String path = staging.relativize(cut.segment()).toString().replace('\\', '/');
    return staged.stream()
        .map(f -> f.path().equals(path)
            ? new StagedFile(f.path(), false, f.mode(), f.uid(), f.gid(), f.originalLength(), cut.keptBytes(), "")
            : f)
        .toList();
  }

  private static boolean inRaft(SwarmDirectoryUsage.DataFile file, String prefix) {
    Path p = file.relativePath();
    return p.getNameCount() >= 2 && p.getName(0).toString().equals("raft") && p.getName(1).toString().startsWith(prefix);
  }
}
