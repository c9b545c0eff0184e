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
import dev.swarmsnap.swarmstate.proto.raw.RawSnapshot;
import dev.swarmsnap.swarmstate.proto.raw.RawStoreSnapshot;
import dev.swarmsnap.swarmstate.proto.swarmkit.ClusterSnapshot;
import dev.swarmsnap.swarmstate.proto.swarmkit.MaybeEncryptedRecord;
import dev.swarmsnap.swarmstate.proto.swarmkit.RaftMember;
import dev.swarmsnap.swarmstate.raft.DataKeys;
import dev.swarmsnap.swarmstate.raft.EncryptedRecordOpener;
import dev.swarmsnap.swarmstate.raft.LoggedEntry;
import dev.swarmsnap.swarmstate.raft.MalformedRecordException;
import dev.swarmsnap.swarmstate.raft.RaftLog;
import dev.swarmsnap.swarmstate.raft.RaftLogIndex;
import dev.swarmsnap.swarmstate.raft.RaftSnapshotFile;
import dev.swarmsnap.swarmstate.raft.RaftSnapshotReader;
import dev.swarmsnap.swarmstate.raft.RaftSnapshotWriter;
import dev.swarmsnap.swarmstate.raft.WalAppender;
import dev.swarmsnap.swarmstate.raft.WalRecord;
import dev.swarmsnap.swarmstate.raft.WalSegment;
import dev.swarmsnap.swarmstate.raft.WalSegments;
import dev.swarmsnap.swarmstate.store.RawStore;
import dev.swarmsnap.swarmstate.proto.walpb.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Rewrites the raft state of an extracted swarm directory, offline, as a cluster with this manager
 * as its only member: what {@code docker swarm init --force-new-cluster} does, done before the
 * engine first starts, so that its first start already leads.
 *
 * <p>Why not let the engine do it: {@code --force-new-cluster} appends committed {@code
 * ConfChangeRemoveNode} entries for every other member at the end of the log (swarmkit {@code
 * storage.go loadAndStart}). Raft refuses to campaign while committed configuration changes are not
 * yet applied, and swarmkit asks for its one start-up campaign right after the first batch of
 * applied entries; etcd raft 3.5 and later hand over committed entries in batches of at most
 * {@code MaxSizePerMsg} (64 KiB in swarmkit), so with a log of any size that campaign is refused
 * ("cannot campaign ... pending configuration changes") and the node waits a whole election
 * timeout: 39-41 s until it leads on Docker 26 and 28 against 22 s on 20.10. And a restored
 * one-member raft elects itself at once on a normal start, re-locks an autolocked node key, and
 * then refuses {@code --force-new-cluster} altogether.
 *
 * <p>What is written instead is what {@code etcdutl snapshot restore} does for etcd: a fresh log
 * that starts from a snapshot. The store is replayed from the newest snapshot and every committed
 * entry, keeping each object as its exact bytes ({@link RawStore}), into one new raft snapshot at
 * the commit index whose membership is this node alone (at {@code selfAddr}; every other member
 * goes to the removed list, as force-new-cluster puts them) and whose raft configuration has this
 * node as the only voter. The WAL becomes one segment with the node's metadata record, the
 * snapshot's record, one empty entry (the no-op a new leader writes) and a HardState that commits
 * it. The entry is needed: swarmkit asks for its start-up campaign only while it applies a batch of
 * committed entries, and with nothing to apply after the snapshot etcd raft 3.5 and later hand over
 * no batch at all on a restart, so the node would wait for an election timeout (10-20 s) instead. Uncommitted entries are dropped, as
 * force-new-cluster drops them. Both are sealed with the raft DEK as swarmkit seals them. With no
 * entry left to apply, swarmkit's start-up campaign succeeds at once on every engine version.
 */
public final class OneManagerRaft {
  private static final String SNAP_DIR = "raft/snap-v3-encrypted";
  private static final String WAL_DIR = "raft/wal-v3-encrypted";
  private static final String NODE_CRT = "certificates/swarm-node.crt";
  private static final String NODE_KEY = "certificates/swarm-node.key";
  private static final String FIRST_SEGMENT = "0000000000000000-0000000000000000.wal";

  private final SecureRandom random = new SecureRandom();
  private final SecretBox box = new SecretBox();
  private final EncryptedRecordOpener opener = new EncryptedRecordOpener();

  /**
   * What was written.
   *
   * @param raftId this node's raft ID, now the only member
   * @param nodeId this node's swarm node ID
   * @param addr its raft address in the new membership
   * @param index raft index of the new snapshot (the old commit index)
   * @param commit the new commit index: the no-op entry after the snapshot
   * @param term raft term of the entry at that index
   * @param removedMembers raft IDs of the other members, now on the removed list
   * @param droppedEntries uncommitted entries left out
   */
  public record Rewritten(
      long raftId, String nodeId, String addr, long index, long commit, long term, List<Long> removedMembers,
      long droppedEntries) {
    public Rewritten {
      removedMembers = List.copyOf(removedMembers);
    }
  }

  /**
   * Rewrites the raft state of {@code swarmDir}, which no engine may be using; the caller reads the
   * result back with the reader before any engine sees it.
   *
   * @param selfAddr this node's raft address ({@code ip:port}) in the new membership
   * @param unlockKey needed only if the node key is still encrypted
   * @throws CorruptStateException if the state cannot be read (it was verified before, so this
   *     means it changed underneath)
   * @throws UncheckedIOException if the new files cannot be written
   */
  public Rewritten rewrite(Path swarmDir, String selfAddr, Optional<UnlockKey> unlockKey) {
    SwarmFiles files = new DirectorySwarmFiles(swarmDir);
    NodeCertificate cert = NodeCertificate.parse(files.location(NODE_CRT), files.readSmall(NODE_CRT));
    DataKeys keys = new NodeKeyUnlocker()
        .unlock(NodeKeyFile.parse(files.location(NODE_KEY), files.readSmall(NODE_KEY)), cert, unlockKey)
        .dataKeys();
    try {
      Replayed replayed = replay(files, keys);
      RaftMember self = self(replayed.log(), replayed.metadataFile());
      if (!replayed.members().containsKey(self.getRaftId())) {
        throw new CorruptStateException(replayed.metadataFile(), 0,
            "this node (raft ID " + Long.toHexString(self.getRaftId()) + ") in the member list", "not a member");
      }
      TreeSet<Long> removed = new TreeSet<>(replayed.removed());
      List<Long> others = replayed.members().keySet().stream().filter(id -> id != self.getRaftId()).toList();
      removed.addAll(others);
      ClusterSnapshot membership = ClusterSnapshot.newBuilder()
          .addMembers(RaftMember.newBuilder()
              .setRaftId(self.getRaftId()).setNodeId(self.getNodeId()).setAddr(selfAddr))
          .addAllRemoved(removed)
          .build();
      byte[] data = RawSnapshot.newBuilder()
          .setMembership(membership.toByteString())
          .setStore(replayed.store())
          .build().toByteArray();
      // the newest DEK: a pending one is what swarmkit writes with (docs/swarm-state-format.md §2.2)
      byte[] dek = keys.inOrderForOpening().get(0);
      RaftLogIndex log = replayed.log();
      long index = log.commit();
      long term = replayed.commitTerm();
      long noOp = index + 1;
      byte[] noOpEntry = Entry.newBuilder()
          .setType(EntryType.EntryNormal).setTerm(term).setIndex(noOp)
          .setData(ByteString.copyFrom(sealed(dek, new byte[0])))
          .build().toByteArray();
      replaceFiles(swarmDir, () -> {
        new RaftSnapshotWriter().write(swarmDir.resolve(SNAP_DIR), term, index, List.of(self.getRaftId()), sealed(dek, data));
        new WalAppender().create(swarmDir.resolve(WAL_DIR).resolve(FIRST_SEGMENT), List.of(
            new WalAppender.NewRecord(WalRecord.METADATA, log.metadata()),
            new WalAppender.NewRecord(WalRecord.SNAPSHOT,
                Snapshot.newBuilder().setIndex(index).setTerm(term).build().toByteArray()),
            new WalAppender.NewRecord(WalRecord.ENTRY, noOpEntry),
            new WalAppender.NewRecord(WalRecord.STATE,
                HardState.newBuilder().setTerm(log.term()).setVote(log.vote()).setCommit(noOp).build().toByteArray())));
      });
      return new Rewritten(self.getRaftId(), self.getNodeId(), selfAddr, index, noOp, term, others,
          log.lastIndex() - log.commit());
    } finally {
      keys.wipe();
    }
  }

  private record Replayed(
      RaftLogIndex log, Path metadataFile, RawStoreSnapshot store, TreeMap<Long, RaftMember> members,
      List<Long> removed, long commitTerm) {}

  private Replayed replay(SwarmFiles files, DataKeys keys) {
    List<byte[]> deks = keys.inOrderForOpening();
    RawStore store = new RawStore();
    TreeMap<Long, RaftMember> members = new TreeMap<>();
    List<Long> removed = new ArrayList<>();
    Optional<RaftSnapshotFile> snap = new RaftSnapshotReader().readNewest(files, SNAP_DIR);
    if (snap.isPresent()) {
      RawSnapshot raw = parseSnapshot(snap.get(), open(deks, ByteString.copyFrom(snap.get().encryptedData()),
          snap.get().file(), 0));
      store.loadSnapshot(raw.getStore());
      ClusterSnapshot membership = parseMembership(snap.get().file(), raw.getMembership());
      membership.getMembersList().forEach(m -> members.put(m.getRaftId(), m));
      removed.addAll(membership.getRemovedList());
    }
    long snapIndex = snap.map(RaftSnapshotFile::index).orElse(0L);
    long snapTerm = snap.map(RaftSnapshotFile::term).orElse(0L);
    List<WalSegment> segments = new WalSegments().select(files, WAL_DIR, snapIndex);
    RaftLog raftLog = new RaftLog(files, segments, snapIndex, snapTerm);
    RaftLogIndex log = raftLog.index();
    long[] commitTerm = {snapTerm};
    raftLog.entries(log, log.commit(), le -> {
      byte[] plain = open(deks, le.entry().getData(), le.file(), le.offset());
      if (le.entry().getType() == EntryType.EntryConfChange) {
        applyConfChange(le, plain, members, removed);
      } else {
        store.applyNormal(le.entry().getIndex(), plain);
      }
      commitTerm[0] = le.entry().getTerm();
    });
    if (!store.problems().isEmpty()) {
      throw new CorruptStateException(segments.get(0).file(), 0, "a store every committed entry applies to",
          String.join("; ", store.problems()));
    }
    return new Replayed(log, segments.get(0).file(), store.snapshot(), members, removed, commitTerm[0]);
  }

  /** Membership changes as swarmkit applies them: a context names the member, a removal removes it. */
  private static void applyConfChange(LoggedEntry le, byte[] plain, TreeMap<Long, RaftMember> members, List<Long> removed) {
    try {
      ConfChange cc = ConfChange.parseFrom(plain);
      if (cc.getType() == ConfChangeType.ConfChangeRemoveNode) {
        members.remove(cc.getNodeId());
        removed.add(cc.getNodeId());
      } else if (!cc.getContext().isEmpty()) {
        RaftMember m = RaftMember.parseFrom(cc.getContext());
        if (m.getRaftId() != 0) {
          members.put(m.getRaftId(), m.toBuilder().clearStatus().build());
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptStateException(le.file(), le.offset(), "a ConfChange with a RaftMember context", "undecodable bytes", e);
    }
  }

  private static RawSnapshot parseSnapshot(RaftSnapshotFile snap, byte[] plain) {
    try {
      RawSnapshot raw = RawSnapshot.parseFrom(plain);
      if (raw.getVersion() != 0) {
        throw new CorruptStateException(snap.file(), 0, "snapshot version 0", "" + raw.getVersion());
      }
      return raw;
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptStateException(snap.file(), 0, "a swarmkit Snapshot", "undecodable bytes", e);
    }
  }

  private static ClusterSnapshot parseMembership(Path file, ByteString bytes) {
    try {
      return ClusterSnapshot.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptStateException(file, 0, "the snapshot's member list", "undecodable bytes", e);
    }
  }

  private byte[] open(List<byte[]> deks, ByteString record, Path file, long offset) {
    try {
      return opener.open(record, deks).orElseThrow(() ->
          new CorruptStateException(file, offset, "a record this node's DEK opens", "a record no DEK opens"));
    } catch (MalformedRecordException e) {
      throw new CorruptStateException(file, offset, "a MaybeEncryptedRecord", e.getMessage(), e);
    }
  }

  /** The old snapshots and WAL segments go; {@code write} puts the new ones in their place. */
  private static void replaceFiles(Path swarmDir, Runnable write) {
    try {
      for (String dir : List.of(SNAP_DIR, WAL_DIR)) {
        try (Stream<Path> old = Files.list(swarmDir.resolve(dir))) {
          for (Path file : old.toList()) {
            Files.delete(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace the raft files in " + swarmDir + ": " + e.getMessage(), e);
    }
    write.run();
  }

  private static RaftMember self(RaftLogIndex log, Path file) {
    try {
      RaftMember self = RaftMember.parseFrom(log.metadata());
      if (self.getRaftId() == 0) {
        throw new CorruptStateException(file, 0, "WAL metadata with this node's raft ID", "raft ID 0");
      }
      return self;
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptStateException(file, 0, "WAL metadata (a RaftMember)", "undecodable bytes", e);
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
