package dev.swarmsnap.swarmstate.raft;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.proto.raftpb.Snapshot;
import dev.swarmsnap.swarmstate.proto.snappb.snapshot;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Finds and checks the newest raft snapshot of a {@code snap-v3-encrypted} directory (docs/swarm-state-format.md
 * §3): files named {@code %016x-%016x.snap}, newest name first; a file whose CRC or framing fails is
 * reported and the next older one tried, as etcd does (etcd renames it {@code .broken}; we only
 * read). Not thread-safe: it collects {@link #problems()}.
 */
public final class RaftSnapshotReader {
  private static final Pattern NAME = Pattern.compile("[0-9a-f]{16}-[0-9a-f]{16}\\.snap");
  private final List<String> problems = new ArrayList<>();

  /** The newest valid snapshot, or empty if there is none (a young swarm has none). */
  public Optional<RaftSnapshotFile> readNewest(SwarmFiles files, String snapDir) {
    List<String> names = files.fileNames(snapDir).stream()
        .filter(n -> NAME.matcher(n).matches())
        .sorted(Comparator.<String>naturalOrder().reversed())
        .toList();
    for (String name : names) {
      String rel = snapDir + "/" + name;
      try {
        return Optional.of(read(files.location(rel), files.readSmall(rel)));
      } catch (CorruptStateException e) {
        problems.add(e.getMessage() + " (older snapshot tried instead)");
      }
    }
    return Optional.empty();
  }

  /** Problems met on newer snapshots that were skipped. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * Parses one {@code .snap} file ({@code file} only names it in messages), checking CRC-32C of its data (plain CRC-32C from 0: the JDK
   * class is right here, unlike for the WAL chain, §4.3).
   *
   * @throws CorruptStateException on any framing, CRC or metadata problem
   */
  public RaftSnapshotFile read(Path file, byte[] bytes) {
    snapshot outer;
    try {
      outer = snapshot.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptStateException(file, 0, "a snappb.snapshot message", "bytes that do not decode as one", e);
    }
    if (outer.getData().isEmpty() || outer.getCrc() == 0) {
      throw new CorruptStateException(file, 0, "a non-empty snapshot", "an empty snapshot");
    }
    CRC32C crc = new CRC32C();
    crc.update(outer.getData().asReadOnlyByteBuffer());
    if ((int) crc.getValue() != outer.getCrc()) {
      throw new CorruptStateException(
          file,
          0,
          String.format("CRC-32C %08x of the snapshot data", outer.getCrc()),
          String.format("%08x", (int) crc.getValue()));
    }
    Snapshot raft;
    try {
      raft = Snapshot.parseFrom(outer.getData());
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptStateException(file, 0, "a raftpb.Snapshot", "bytes that do not decode as one", e);
    }
    var meta = raft.getMetadata();
    return new RaftSnapshotFile(
        file,
        meta.getTerm(),
        meta.getIndex(),
        meta.getConfState().getVotersList(),
        raft.getData().toByteArray());
  }
}
