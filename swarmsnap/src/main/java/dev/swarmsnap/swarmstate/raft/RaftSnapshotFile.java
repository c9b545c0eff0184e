package dev.swarmsnap.swarmstate.raft;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code .snap} that passed its CRC, with plaintext metadata; the store inside is still
 * encrypted (docs/swarm-state-format.md §3).
 *
 * @param file the file
 * @param term raft term of the snapshot
 * @param index raft index of the snapshot
 * @param voters raft IDs in the snapshot's ConfState
 * @param encryptedData the {@code MaybeEncryptedRecord} holding a swarmkit Snapshot
 */
public record RaftSnapshotFile(
    Path file, long term, long index, List<Long> voters, byte[] encryptedData) {
  public RaftSnapshotFile {
    voters = List.copyOf(voters);
  }
}
