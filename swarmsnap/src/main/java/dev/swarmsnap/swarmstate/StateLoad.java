package dev.swarmsnap.swarmstate;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.keys.NodeCertificate;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
import dev.swarmsnap.swarmstate.keys.NodeKeyUnlocker;
import dev.swarmsnap.swarmstate.keys.UnlockedKeys;
import dev.swarmsnap.swarmstate.model.ClusterInfo;
import dev.swarmsnap.swarmstate.model.RaftSummary;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.swarmstate.proto.raftpb.EntryType;
import dev.swarmsnap.swarmstate.proto.swarmkit.RaftMember;
import dev.swarmsnap.swarmstate.proto.swarmkit.Snapshot;
import dev.swarmsnap.swarmstate.raft.DataKeys;
import dev.swarmsnap.swarmstate.raft.EncryptedRecordOpener;
import dev.swarmsnap.swarmstate.raft.LoggedEntry;
import dev.swarmsnap.swarmstate.raft.MalformedRecordException;
import dev.swarmsnap.swarmstate.raft.RaftLog;
import dev.swarmsnap.swarmstate.raft.RaftLogIndex;
import dev.swarmsnap.swarmstate.raft.RaftSnapshotFile;
import dev.swarmsnap.swarmstate.raft.RaftSnapshotReader;
import dev.swarmsnap.swarmstate.raft.WalSegment;
import dev.swarmsnap.swarmstate.raft.WalSegments;
import dev.swarmsnap.swarmstate.store.StateMapper;
import dev.swarmsnap.swarmstate.store.StoreReplayer;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import dev.swarmsnap.swarmstate.model.CertificateInfo;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One pass over a swarm directory in the order of docs/swarm-state-format.md §7.1, shared by the strict reader
 * (first FAIL throws) and verify (every finding is kept, dependent checks are skipped). Single use,
 * not thread-safe.
 */
final class StateLoad {
  private final SwarmFiles dir;
  private final Optional<UnlockKey> key;
  private final boolean strict;
  private final boolean reveal;
  private static final String NODE_CRT = "certificates/swarm-node.crt";
  private static final String NODE_KEY = "certificates/swarm-node.key";
  private static final String ROOT_CRT = "certificates/swarm-root-ca.crt";
  private final List<Finding> findings = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private StoreReplayer replayed;
  /**
   * Encrypted entry bytes handed to the decrypting workers but not yet replayed. With their
   * plaintexts this bounds the pipeline's memory to about twice this, whatever the WAL size.
   */
  private static final long ENTRY_BYTES_IN_FLIGHT = 16L << 20;

  private final StoreReplayer store;
  /**
   * Replays entries up to this index instead of the WAL's commit index (never past the last
   * entry); empty for the commit index, as dockerd and force-new-cluster do.
   */
  private final OptionalLong applyThrough;

  StateLoad(SwarmFiles dir, Optional<UnlockKey> key, boolean strict, boolean reveal) {
    this(dir, key, strict, reveal, new StoreReplayer(), OptionalLong.empty());
  }

  StateLoad(SwarmFiles dir, Optional<UnlockKey> key, boolean strict, boolean reveal, OptionalLong applyThrough) {
    this(dir, key, strict, reveal, new StoreReplayer(), applyThrough);
  }

  /** As the other constructors, replaying into {@code store} (e.g. one that keeps config data). */
  StateLoad(SwarmFiles dir, Optional<UnlockKey> key, boolean strict, boolean reveal, StoreReplayer store,
      OptionalLong applyThrough) {
    this.store = store;
    this.dir = dir;
    this.key = key;
    this.strict = strict;
    this.reveal = reveal;
    this.applyThrough = applyThrough;
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  /**
   * The store the run rebuilt, with every object as decoded (fields the read model leaves out
   * included); empty before {@link #run()} or when it stopped before the replay.
   */
  Optional<StoreReplayer> store() {
    return Optional.ofNullable(replayed);
  }

  /** Runs the checks; empty if a FAIL stopped it (only when not strict). */
  Optional<SwarmState> run() {
    if (!check("1 files-present", this::filesPresent)) {
      return Optional.empty();
    }
    if (!check("1 start-files", () -> {
      List<String> problems = new StartFiles().problems(dir);
      return problems.isEmpty() ? ok("docker-state.json and state.json parse, addresses plausible")
          : fail(String.join("; ", problems));
    })) {
      return Optional.empty();
    }
    NodeCertificate[] cert = new NodeCertificate[1];
    Instant[] caExpiry = new Instant[1];
    if (!check("2 node-certificate", () -> {
      cert[0] = NodeCertificate.parse(dir.location(NODE_CRT), dir.readSmall(NODE_CRT));
      List<X509Certificate> roots = NodeCertificate.parseAll(dir.location(ROOT_CRT), dir.readSmall(ROOT_CRT));
      caExpiry[0] = roots.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow();
      if (!cert[0].role().equals("swarm-manager")) {
        return fail("certificate OU is " + cert[0].role() + ", not swarm-manager (a worker?)");
      }
      if (!cert[0].signedByOneOf(roots)) {
        return fail("node certificate is not signed by swarm-root-ca.crt");
      }
      return ok("node " + cert[0].nodeId() + ", cluster " + cert[0].clusterId()
          + ", expires " + cert[0].notAfter());
    })) {
      return Optional.empty();
    }
    UnlockedKeys[] keys = new UnlockedKeys[1];
    if (!check("3 node-key", () -> {
      keys[0] = new NodeKeyUnlocker().unlock(
          NodeKeyFile.parse(dir.location(NODE_KEY), dir.readSmall(NODE_KEY)), cert[0], key);
      return keys[0].privateKeyMatchesCertificate()
          ? ok((keys[0].locked() ? "autolocked, " : "not locked, ") + "key matches certificate")
          : warn("private key does not match swarm-node.crt (certificate renewed?)");
    })) {
      return Optional.empty();
    }
    DataKeys deks = keys[0].dataKeys();
    try {
      check("4 raft-dek", () -> keys[0].pendingDek() || keys[0].needsRotation()
          ? warn("DEK rotation in flight (pending DEK: " + keys[0].pendingDek() + ")")
          : ok("raft DEK opens"));
      return replay(new CertificateInfo(cert[0].nodeId(), cert[0].clusterId(), cert[0].role(),
          cert[0].notAfter(), caExpiry[0]), cert[0], deks);
    } finally {
      deks.wipe();
    }
  }

  private Optional<SwarmState> replay(CertificateInfo certInfo, NodeCertificate cert, DataKeys deks) {
    replayed = store;
    EncryptedRecordOpener opener = new EncryptedRecordOpener();
    RaftSnapshotFile[] snap = new RaftSnapshotFile[1];
    if (!check("5 snapshot", () -> {
      RaftSnapshotReader r = new RaftSnapshotReader();
      snap[0] = r.readNewest(dir, "raft/snap-v3-encrypted").orElse(null);
      r.problems().forEach(warnings::add);
      if (snap[0] == null) {
        return r.problems().isEmpty() ? ok("no snapshot yet") : fail(String.join("; ", r.problems()));
      }
      byte[] plain = open(opener, deks.inOrderForOpening(),
          UnsafeByteOperations.unsafeWrap(snap[0].encryptedData()), snap[0].file(), 0,
          "snapshot data that opens with this node's DEK (snapshot from another node or moment?)");
      Snapshot s;
      try {
        s = Snapshot.parseFrom(plain);
      } catch (InvalidProtocolBufferException e) {
        throw new CorruptStateException(snap[0].file(), 0, "a swarmkit Snapshot", "bytes that do not decode as one", e);
      }
      if (s.getVersionValue() != 0) {
        throw new CorruptStateException(snap[0].file(), 0, "snapshot version 0", "" + s.getVersionValue());
      }
      store.loadSnapshot(s);
      return r.problems().isEmpty()
          ? ok("snapshot " + snap[0].file().getFileName() + " at index " + snap[0].index())
          : warn("used " + snap[0].file().getFileName() + "; " + String.join("; ", r.problems()));
    })) {
      return Optional.empty();
    }
    long snapIndex = snap[0] == null ? 0 : snap[0].index();
    long snapTerm = snap[0] == null ? 0 : snap[0].term();
    List<WalSegment> segments = new ArrayList<>();
    RaftLogIndex[] idx = new RaftLogIndex[1];
    if (!check("6 wal", () -> {
      segments.addAll(new WalSegments().select(dir, "raft/wal-v3-encrypted", snapIndex));
      idx[0] = new RaftLog(dir, segments, snapIndex, snapTerm).index();
      if (idx[0].tail().torn()) {
        warnings.add("torn WAL tail in " + idx[0].tail().file() + " at offset "
            + idx[0].tail().validEnd() + " dropped: " + idx[0].tail().detail());
        return warn("torn tail at " + idx[0].tail().file().getFileName() + " offset "
            + idx[0].tail().validEnd() + " (" + idx[0].tail().detail() + "); repairable");
      }
      return ok(segments.size() + " segment(s), CRC chain intact; valid data ends at "
          + idx[0].tail().file().getFileName() + " offset " + idx[0].tail().validEnd()
          + " (" + idx[0].tail().detail() + ")");
    })) {
      return Optional.empty();
    }
    RaftLogIndex log = idx[0];
    if (!check("7 wal-has-snapshot-record", () -> log.snapshotRecordFound()
        ? ok("WAL has snapshot record (" + snapIndex + ", " + snapTerm + ")")
        : fail("snapshot (" + snapIndex + ", " + snapTerm + ") is newer than the WAL (newest WAL "
            + "snapshot record " + log.newestSnapshotRecord().map(Object::toString).orElse("none")
            + "): dockerd would panic on this copy"))) {
      return Optional.empty();
    }
    if (!check("8 log-continuity", () -> Long.compareUnsigned(log.commit(), snapIndex) < 0
        || Long.compareUnsigned(log.lastIndex(), log.commit()) < 0
        ? fail("commit " + log.commit() + " outside [" + snapIndex + ", " + log.lastIndex() + "]")
        : ok("entries " + (snapIndex + 1) + ".." + log.lastIndex() + ", commit " + log.commit()))) {
      return Optional.empty();
    }
    long[] applied = {0};
    if (!check("9 entries-decrypt", () -> {
      List<byte[]> keys = deks.inOrderForOpening();
      try (var workers = new InOrderWorkers<LoggedEntry, byte[]>(
          Runtime.getRuntime().availableProcessors(), ENTRY_BYTES_IN_FLIGHT,
          le -> open(opener, keys, le.entry().getData(), le.file(), le.offset(),
              "an entry that opens with this node's DEK"),
          (le, plain) -> {
            if (le.entry().getType() == EntryType.EntryConfChange) {
              store.applyConfChange(le.entry().getIndex(), plain);
            } else {
              store.applyNormal(le.entry().getIndex(), plain);
            }
            applied[0]++;
          })) {
        try {
          long upTo = applyThrough.isPresent() ? Math.min(applyThrough.getAsLong(), log.lastIndex()) : log.commit();
          new RaftLog(dir, segments, snapIndex, snapTerm).entries(log, upTo,
              le -> workers.submit(le, le.entry().getData().size()));
        } catch (RuntimeException readFailure) {
          workers.finish(); // an earlier entry that does not open is reported first, as in log order
          throw readFailure;
        }
        workers.finish();
      }
      return ok(applied[0] + " committed entries applied");
    })) {
      return Optional.empty();
    }
    RaftMember self;
    try {
      self = RaftMember.parseFrom(log.metadata());
    } catch (InvalidProtocolBufferException e) {
      self = RaftMember.getDefaultInstance();
    }
    List<ClusterInfo> clusters = new StateMapper().clusters(store);
    RaftMember me = self;
    check("10 same-node", () -> {
      if (!me.getNodeId().equals(cert.nodeId())) {
        return fail("WAL metadata node " + me.getNodeId() + " ≠ certificate CN " + cert.nodeId());
      }
      if (store.members().stream().noneMatch(m -> m.raftId() == me.getRaftId())) {
        return fail("raft ID " + Long.toHexString(me.getRaftId()) + " is not a member");
      }
      if (clusters.size() == 1 && !clusters.get(0).id().equals(cert.clusterId())) {
        return fail("cluster " + clusters.get(0).id() + " ≠ certificate O " + cert.clusterId());
      }
      return ok("node " + me.getNodeId() + ", raft ID " + Long.toHexString(me.getRaftId()));
    });
    boolean replayOk = check("11 replay", () -> clusters.size() != 1
        ? fail(clusters.size() + " cluster objects, expected exactly 1")
        : store.problems().isEmpty() ? ok("store rebuilt")
        : fail(String.join("; ", store.problems())));
    if (!replayOk) {
      return Optional.empty();
    }
    StateMapper map = new StateMapper();
    long uncommitted = log.lastIndex() - log.commit();
    RaftSummary summary = new RaftSummary(me.getRaftId(), me.getNodeId(), me.getAddr(), log.term(),
        snapIndex, snapTerm, log.lastIndex(), log.commit(), applied[0], uncommitted,
        store.members(), store.removed(), segments.size(), log.tail().torn());
    SwarmState state = new SwarmState(clusters.get(0), summary, map.nodes(store),
        map.services(store), map.networks(store), map.configs(store), map.secrets(store, reveal),
        map.tasks(store), certInfo, warnings);
    check("12 summary", () -> ok("cluster " + state.cluster().id() + ", " + state.nodes().size()
        + " nodes, " + state.services().size() + " services, " + state.networks().size()
        + " networks, " + state.secrets().size()
        + " secrets, " + state.configs().size() + " configs, autolock "
        + state.cluster().autolockManagers()));
    return Optional.of(state);
  }

  private static byte[] open(EncryptedRecordOpener opener, List<byte[]> keys, ByteString record,
      Path file, long offset, String expected) {
    try {
      return opener.open(record, keys).orElseThrow(() ->
          new CorruptStateException(file, offset, expected, "a record no DEK opens"));
    } catch (MalformedRecordException e) {
      throw new CorruptStateException(file, offset, "a MaybeEncryptedRecord", "bytes that do not decode as one", e);
    }
  }

  private Finding filesPresent() {
    List<String> missing = new ArrayList<>();
    for (String p : List.of("docker-state.json", NODE_CRT, NODE_KEY, ROOT_CRT)) {
      if (!dir.isFile(p)) {
        missing.add(p);
      }
    }
    if (!missing.isEmpty()) {
      throw new SwarmsnapException(ExitCode.NOT_FOUND,
          dir.description() + " is not a complete swarm directory: missing " + String.join(", ", missing),
          "give the swarm directory (usually /var/lib/docker/swarm) of a manager");
    }
    return ok("docker-state.json, swarm-node.crt/.key, swarm-root-ca.crt present");
  }

  private static Finding ok(String reason) {
    return new Finding("", Finding.Level.OK, reason);
  }

  private static Finding warn(String reason) {
    return new Finding("", Finding.Level.WARN, reason);
  }

  private static Finding fail(String reason) {
    return new Finding("", Finding.Level.FAIL, reason);
  }

  /**
   * Runs one check; returns false after a FAIL (strict: throws instead). A file refused as bad
   * input (a link, device or FIFO where a swarm file belongs) always throws: nothing was read, so
   * there is nothing to report on.
   */
  private boolean check(String name, Supplier<Finding> body) {
    Finding f;
    try {
      f = body.get();
    } catch (SwarmsnapException e) {
      if (strict || e instanceof BadInputException) {
        throw e;
      }
      f = fail(e.getMessage());
    } catch (UncheckedIOException e) {
      if (strict) {
        throw new SwarmsnapException(ExitCode.FAILED, "cannot read " + dir.description() + ": "
            + e.getCause().getMessage(), "check permissions (root?)", e);
      }
      f = fail("cannot read: " + e.getCause().getMessage());
    }
    Finding named = new Finding(name, f.level(), f.reason());
    findings.add(named);
    if (named.level() == Finding.Level.FAIL && strict) {
      throw new CorruptStateException(dir.location(""), 0, "check " + name + " to pass", named.reason());
    }
    return named.level() != Finding.Level.FAIL;
  }
}
