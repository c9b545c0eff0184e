package dev.swarmsnap.swarmstate;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.swarmsnap.crypto.SecretBox;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import dev.swarmsnap.swarmstate.keys.NodeCertificate;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
import dev.swarmsnap.swarmstate.keys.NodeKeyUnlocker;
import dev.swarmsnap.swarmstate.proto.raftpb.ConfChange;
import dev.swarmsnap.swarmstate.proto.raftpb.ConfChangeType;
import dev.swarmsnap.swarmstate.proto.raftpb.Entry;
import dev.swarmsnap.swarmstate.proto.raftpb.EntryType;
import dev.swarmsnap.swarmstate.proto.raftpb.HardState;
import dev.swarmsnap.swarmstate.proto.swarmkit.MaybeEncryptedRecord;
import dev.swarmsnap.swarmstate.proto.swarmkit.RaftMember;
import dev.swarmsnap.swarmstate.proto.swarmkit.RaftMemberStatus;
import dev.swarmsnap.swarmstate.raft.DataKeys;
import dev.swarmsnap.swarmstate.raft.RaftLog;
import dev.swarmsnap.swarmstate.raft.RaftLogIndex;
import dev.swarmsnap.swarmstate.raft.RaftSnapshotFile;
import dev.swarmsnap.swarmstate.raft.RaftSnapshotReader;
import dev.swarmsnap.swarmstate.raft.WalAppender;
import dev.swarmsnap.swarmstate.raft.WalRecord;
import dev.swarmsnap.swarmstate.raft.WalSegment;
import dev.swarmsnap.swarmstate.raft.WalSegments;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Gives this manager a new raft address, offline, before the engine first starts on a host with
 * another IP. The engine cannot do it: after {@code swarm init --force-new-cluster --advertise-addr
 * NEW} the raft member keeps the old address (docker/for-linux#523), because swarmkit reads its own
 * address only from the member list (snapshot membership + ConfChange entries), and its
 * {@code applyUpdateNode} skips an update of its own raft ID.
 *
 * <p>What does work is the path a joining node takes to fix its own address: a committed
 * {@code ConfChangeAddNode} whose context is {@code RaftMember{raft_id = own, node_id, addr = NEW}}
 * makes swarmkit's {@code registerNode} replace the address of the existing member, also for
 * itself, and etcd raft ignores the redundant add (swarmkit {@code raft.go}, etcd {@code
 * addNodeOrLearnerNode}). So one such entry is appended at {@code commit + 1} (the index
 * force-new-cluster would also use: entries above commit are discarded by it anyway, and by etcd's
 * read rule an entry at an existing index replaces the rest of the log), encrypted with the DEK
 * like every entry, followed by a HardState that commits it (format doc §4.2-§4.4). Nothing before
 * the old end of the WAL changes; the snapshot is untouched.
 *
 * <p>The WAL metadata record keeps the old address: swarmkit reads only the raft ID from it.
 */
public final class RaftAddressMove {
  private static final String SNAP_DIR = "raft/snap-v3-encrypted";
  private static final String WAL_DIR = "raft/wal-v3-encrypted";
  private static final String NODE_CRT = "certificates/swarm-node.crt";
  private static final String NODE_KEY = "certificates/swarm-node.key";

  private final SecureRandom random = new SecureRandom();
  private final SecretBox box = new SecretBox();

  /**
   * What was appended.
   *
   * @param raftId this node's raft ID
   * @param nodeId this node's swarm node ID
   * @param index raft index of the appended ConfChange (now the commit index)
   * @param term its term (the HardState's term)
   */
  public record Moved(long raftId, String nodeId, String newAddr, long index, long term) {}

  /**
   * Appends the address change to the WAL of {@code swarmDir}; the caller checks the result with
   * the reader before any engine sees it.
   *
   * @param newAddr {@code ip:port} (IPv6 as {@code [ip]:port})
   * @param unlockKey needed only if the node key is still encrypted
   * @throws CorruptStateException if the state cannot be read (it was verified before, so this
   *     means it changed underneath)
   */
  public Moved move(Path swarmDir, String newAddr, Optional<UnlockKey> unlockKey) {
    SwarmFiles files = new DirectorySwarmFiles(swarmDir);
    NodeCertificate cert = NodeCertificate.parse(files.location(NODE_CRT), files.readSmall(NODE_CRT));
    DataKeys keys = new NodeKeyUnlocker()
        .unlock(NodeKeyFile.parse(files.location(NODE_KEY), files.readSmall(NODE_KEY)), cert, unlockKey)
        .dataKeys();
    try {
      Optional<RaftSnapshotFile> snap = new RaftSnapshotReader().readNewest(files, SNAP_DIR);
      long snapIndex = snap.map(RaftSnapshotFile::index).orElse(0L);
      long snapTerm = snap.map(RaftSnapshotFile::term).orElse(0L);
      List<WalSegment> segments = new WalSegments().select(files, WAL_DIR, snapIndex);
      RaftLogIndex log = new RaftLog(files, segments, snapIndex, snapTerm).index();
      RaftMember self = self(log, segments.get(0).file());

      long index = log.commit() + 1;
      byte[] member = RaftMember.newBuilder()
          .setRaftId(self.getRaftId()).setNodeId(self.getNodeId()).setAddr(newAddr)
          .setStatus(RaftMemberStatus.getDefaultInstance())
          .build().toByteArray();
      byte[] change = ConfChange.newBuilder()
          .setId(0).setType(ConfChangeType.ConfChangeAddNode).setNodeId(self.getRaftId())
          .setContext(ByteString.copyFrom(member))
          .build().toByteArray();
      // the newest DEK: a pending one is what swarmkit writes new entries with (§2.2)
      byte[] entry = Entry.newBuilder()
          .setType(EntryType.EntryConfChange).setTerm(log.term()).setIndex(index)
          .setData(ByteString.copyFrom(sealed(keys.inOrderForOpening().get(0), change)))
          .build().toByteArray();
      byte[] hardState = HardState.newBuilder()
          .setTerm(log.term()).setVote(log.vote()).setCommit(index)
          .build().toByteArray();
      new WalAppender().append(log.tail(), List.of(
          new WalAppender.NewRecord(WalRecord.ENTRY, entry),
          new WalAppender.NewRecord(WalRecord.STATE, hardState)));
      return new Moved(self.getRaftId(), self.getNodeId(), newAddr, index, log.term());
    } finally {
      keys.wipe();
    }
  }

  private static RaftMember self(RaftLogIndex log, Path file) {
    try {
      RaftMember self = RaftMember.parseFrom(log.metadata());
      if (self.getRaftId() == 0) {
        throw new CorruptStateException(file, 0, "WAL metadata with this node's raft ID", "raft ID 0");
      }
      return self;
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptStateException(file, 0, "WAL metadata (a RaftMember)", e.getMessage(), e);
    }
  }

  /** {@code MaybeEncryptedRecord{SECRETBOX_SALSA20_POLY1305, tag ‖ ciphertext, 24-byte nonce}} (§2.3). */
  private byte[] sealed(byte[] dek, byte[] plain) {
    byte[] nonce = new byte[24];
    random.nextBytes(nonce);
    return MaybeEncryptedRecord.newBuilder()
        .setAlgorithmValue(1)
        .setData(ByteString.copyFrom(box.seal(dek, nonce, plain)))
        .setNonce(ByteString.copyFrom(nonce))
        .build().toByteArray();
  }
}
