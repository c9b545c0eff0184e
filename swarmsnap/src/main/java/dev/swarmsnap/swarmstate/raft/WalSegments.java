package dev.swarmsnap.swarmstate.raft;

import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import java.util.List;
import java.util.Optional;

/** Lists a WAL directory and picks the segments to read for a snapshot index (§4.1). */
public final class WalSegments {

  /** All segments of {@code walDir}, in name order (= numeric order). */
  public List<WalSegment> list(SwarmFiles files, String walDir) {
    return files.fileNames(walDir).stream()
        .map(name -> WalSegment.of(walDir + "/" + name, files.location(walDir + "/" + name)))
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * The segments to read: from the last one whose first index is ≤ {@code snapIndex}, to the end,
   * with consecutive sequence numbers (etcd's selection, docs/swarm-state-format.md §4.1).
   *
   * @throws CorruptStateException if no segment covers the snapshot index (GC ran between copying
   *     the snapshot and the WAL) or a sequence number is missing
   */
  public List<WalSegment> select(SwarmFiles files, String walDir, long snapIndex) {
    List<WalSegment> all = list(files, walDir);
    int start = -1;
    for (int i = 0; i < all.size(); i++) {
      if (Long.compareUnsigned(all.get(i).firstIndex(), snapIndex) <= 0) {
        start = i;
      }
    }
    if (start < 0) {
      throw new CorruptStateException(
          files.location(walDir),
          0,
          "a WAL segment whose first index is at most the snapshot index " + snapIndex,
          all.isEmpty() ? "no segment" : "first segment " + all.get(0).file().getFileName());
    }
    List<WalSegment> chosen = all.subList(start, all.size());
    for (int i = 1; i < chosen.size(); i++) {
      if (chosen.get(i).sequence() != chosen.get(i - 1).sequence() + 1) {
        throw new CorruptStateException(
            chosen.get(i).file(),
            0,
            "sequence " + (chosen.get(i - 1).sequence() + 1),
            "sequence " + chosen.get(i).sequence());
      }
    }
    return List.copyOf(chosen);
  }
}
