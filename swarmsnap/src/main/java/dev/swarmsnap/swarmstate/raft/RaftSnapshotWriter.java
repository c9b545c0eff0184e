package dev.swarmsnap.swarmstate.raft;

import com.google.protobuf.ByteString;
import dev.swarmsnap.swarmstate.proto.raftpb.ConfState;
import dev.swarmsnap.swarmstate.proto.raftpb.Snapshot;
import dev.swarmsnap.swarmstate.proto.raftpb.SnapshotMetadata;
import dev.swarmsnap.swarmstate.proto.snappb.snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes a raft snapshot file the way etcd's snapshotter does (docs/swarm-state-format.md §3):
 * {@code snappb.snapshot{crc = CRC-32C(data), data = raftpb.Snapshot}} in a file named
 * {@code %016x-%016x.snap} of term and index. The data is already sealed by the caller, as
 * swarmkit seals it. What this writes is what {@link RaftSnapshotReader} checks.
 */
public final class RaftSnapshotWriter {

  /**
   * Writes the snapshot into {@code snapDir} and syncs it.
   *
   * @return the file written
   * @throws UncheckedIOException if it cannot be written (or exists already)
   */
  public Path write(Path snapDir, long term, long index, List<Long> voters, byte[] sealedData) {
    byte[] raft = Snapshot.newBuilder()
        .setData(ByteString.copyFrom(sealedData))
        .setMetadata(SnapshotMetadata.newBuilder()
            .setConfState(ConfState.newBuilder().addAllVoters(voters))
            .setIndex(index)
            .setTerm(term))
        .build().toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(raft);
    byte[] file = snapshot.newBuilder().setCrc((int) crc.getValue()).setData(ByteString.copyFrom(raft))
        .build().toByteArray();
    Path path = snapDir.resolve(String.format("%016x-%016x.snap", term, index));
    try (FileChannel ch = FileChannel.open(path, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      ByteBuffer buffer = ByteBuffer.wrap(file);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
