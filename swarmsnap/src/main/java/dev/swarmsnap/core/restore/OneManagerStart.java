package dev.swarmsnap.core.restore;

import dev.swarmsnap.core.replace.NodeStartConfig;
import dev.swarmsnap.core.replace.RaftAddresses;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.OneManagerRaft;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.VerifyReport;
import dev.swarmsnap.swarmstate.model.RaftMemberInfo;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a verified extraction start as the only manager of its cluster, at the address it will
 * have on this host, before any engine sees it: the raft state becomes a one-member cluster
 * ({@link OneManagerRaft}: what {@code swarm init --force-new-cluster} would do, done offline, so
 * the engine's first start leads at once), {@code docker-state.json} is what {@code swarm init}
 * writes on this host ({@link NodeStartConfig#pointAt}) and {@code state.json} (the managers the
 * node dials) names only itself. Then the offline reader reads the result again and it must show
 * this node as the only member at that address, nothing left to commit and the same objects;
 * otherwise the restore stops here, with nothing outside the extraction changed.
 */
final class OneManagerStart {

  /** What changed. */
  record Result(String oldRaftAddr, String newRaftAddr, long index, int removedMembers, long droppedEntries) {}

  Result apply(Path restored, SwarmState before, String raftAddr, String listenAddr) {
    OneManagerRaft.Rewritten rewritten;
    try {
      rewritten = new OneManagerRaft().rewrite(restored, raftAddr, Optional.empty());
    } catch (UncheckedIOException e) {
      throw failed("cannot write the restored raft state: " + e.getMessage());
    }
    NodeStartConfig.pointAt(restored.resolve("docker-state.json"), listenAddr, RaftAddresses.host(raftAddr), raftAddr);
    writeKnownManagers(restored.resolve("state.json"), rewritten.nodeId(), raftAddr);
    check(restored, before, rewritten);
    String oldAddr = before.raft().members().stream().filter(m -> m.raftId() == rewritten.raftId())
        .map(RaftMemberInfo::addr).findFirst().orElse(before.raft().addr());
    return new Result(oldAddr, raftAddr, rewritten.index(), rewritten.removedMembers().size(),
        rewritten.droppedEntries());
  }

  /** {@code state.json}: the managers a node dials first; stale addresses only cost failed dials. */
  private static void writeKnownManagers(Path file, String nodeId, String raftAddr) {
    try {
      byte[] bytes = new ObjectMapper().writeValueAsBytes(List.of(Map.of("node_id", nodeId, "addr", raftAddr)));
      try (PendingFile out = new AtomicFileWriter().create(file, AtomicFileWriter.OWNER_ONLY)) {
        out.write(bytes, 0, bytes.length);
        out.commit();
      }
    } catch (IOException e) {
      throw failed("cannot write " + file + ": " + e.getMessage());
    }
  }

  private static void check(Path restored, SwarmState before, OneManagerRaft.Rewritten rewritten) {
    VerifyReport verify = new SwarmStateVerifier().verify(restored, Optional.empty());
    if (verify.failed() || verify.state().isEmpty()) {
      throw failed("the rewritten state does not verify: " + verify.findings().stream()
          .filter(f -> f.level() == Finding.Level.FAIL).map(f -> f.check() + ": " + f.reason())
          .collect(Collectors.joining("; ")));
    }
    SwarmState after = verify.state().get();
    List<String> wrong = new ArrayList<>();
    List<RaftMemberInfo> members = after.raft().members();
    if (members.size() != 1 || members.get(0).raftId() != rewritten.raftId()
        || !members.get(0).addr().equals(rewritten.addr())) {
      wrong.add("members " + members.stream().map(m -> Long.toHexString(m.raftId()) + "@" + m.addr()).toList()
          + ", expected only " + Long.toHexString(rewritten.raftId()) + "@" + rewritten.addr());
    }
    if (after.raft().snapshotIndex() != rewritten.index() || after.raft().commitIndex() != rewritten.commit()
        || after.raft().lastIndex() != rewritten.commit()) {
      wrong.add("snapshot " + after.raft().snapshotIndex() + ", commit " + after.raft().commitIndex() + " and last index "
          + after.raft().lastIndex() + ", expected a snapshot at " + rewritten.index() + " and both others "
          + rewritten.commit());
    }
    if (!after.cluster().id().equals(before.cluster().id())
        || !ids(after, before, SwarmState::nodes, n -> n.id())
        || !ids(after, before, SwarmState::services, s -> s.id())
        || !ids(after, before, SwarmState::networks, n -> n.id())
        || !ids(after, before, SwarmState::configs, c -> c.id())
        || !ids(after, before, SwarmState::secrets, s -> s.id())) {
      wrong.add("the objects differ from the archive's");
    }
    NodeStartConfig start = NodeStartConfig.read(restored.resolve("docker-state.json"));
    if (!start.advertiseAddr().equals(Optional.of(rewritten.addr()))) {
      wrong.add("docker-state.json advertises " + start.advertiseAddr().orElse("nothing"));
    }
    if (!wrong.isEmpty()) {
      throw failed("the rewritten state does not read back as written: " + String.join("; ", wrong));
    }
  }

  private static <T> boolean ids(SwarmState a, SwarmState b, Function<SwarmState, List<T>> kind, Function<T, String> id) {
    return kind.apply(a).stream().map(id).sorted().toList().equals(kind.apply(b).stream().map(id).sorted().toList());
  }

  private static SwarmsnapException failed(String what) {
    return new SwarmsnapException(ExitCode.FAILED, what + "; nothing was changed outside the extraction",
        "report this with 'swarmsnap verify --json' of the archive");
  }
}
