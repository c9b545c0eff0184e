package dev.swarmsnap.core.restore;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.RaftAddressMove;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.VerifyReport;
import dev.swarmsnap.swarmstate.model.RaftMemberInfo;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a verified extraction start as a manager at another address, before any engine sees it:
 * the raft member address ({@link RaftAddressMove}: one committed ConfChange appended to the WAL)
 * and {@code docker-state.json} ({@link NodeStartConfig#pointAt}). Then the offline reader reads the
 * result again and it must show the new address, one more committed entry and the same objects;
 * otherwise the restore stops here, with nothing outside the extraction changed.
 */
final class AddressMove {

  /** What changed: the raft index of the appended entry. */
  record Result(String oldRaftAddr, String newRaftAddr, long index) {}

  Result apply(Path restored, SwarmState before, String newRaftAddr, String listenAddr) {
    RaftAddressMove.Moved moved;
    try {
      moved = new RaftAddressMove().move(restored, newRaftAddr, Optional.empty());
    } catch (UncheckedIOException e) {
      throw failed("cannot append to the restored WAL: " + e.getMessage());
    }
    NodeStartConfig.pointAt(restored.resolve("docker-state.json"), listenAddr,
        RaftAddresses.host(newRaftAddr), newRaftAddr);
    check(restored, before, moved);
    String oldAddr = before.raft().members().stream().filter(m -> m.raftId() == moved.raftId())
        .map(RaftMemberInfo::addr).findFirst().orElse(before.raft().addr());
    return new Result(oldAddr, newRaftAddr, moved.index());
  }

  private static void check(Path restored, SwarmState before, RaftAddressMove.Moved moved) {
    VerifyReport verify = new SwarmStateVerifier().verify(restored, Optional.empty());
    if (verify.failed() || verify.state().isEmpty()) {
      throw failed("the restored state does not verify after the address change: " + verify.findings().stream()
          .filter(f -> f.level() == Finding.Level.FAIL).map(f -> f.check() + ": " + f.reason())
          .collect(Collectors.joining("; ")));
    }
    SwarmState after = verify.state().get();
    List<String> wrong = new ArrayList<>();
    Optional<RaftMemberInfo> self = after.raft().members().stream()
        .filter(m -> m.raftId() == moved.raftId()).findFirst();
    if (self.isEmpty() || !self.get().addr().equals(moved.newAddr())) {
      wrong.add("member " + Long.toHexString(moved.raftId()) + " has address "
          + self.map(RaftMemberInfo::addr).orElse("(none)") + ", not " + moved.newAddr());
    }
    if (after.raft().commitIndex() != moved.index() || after.raft().lastIndex() != moved.index()) {
      wrong.add("commit " + after.raft().commitIndex() + " and last index " + after.raft().lastIndex()
          + ", expected both " + moved.index());
    }
    if (!after.raft().members().stream().map(RaftMemberInfo::raftId).toList()
        .equals(before.raft().members().stream().map(RaftMemberInfo::raftId).toList())) {
      wrong.add("the member list changed");
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
    if (!start.advertiseAddr().equals(Optional.of(moved.newAddr()))) {
      wrong.add("docker-state.json advertises " + start.advertiseAddr().orElse("nothing"));
    }
    if (!wrong.isEmpty()) {
      throw failed("the address change does not read back as written: " + String.join("; ", wrong));
    }
  }

  private static <T> boolean ids(SwarmState a, SwarmState b, Function<SwarmState, List<T>> kind, Function<T, String> id) {
    return kind.apply(a).stream().map(id).sorted().toList().equals(kind.apply(b).stream().map(id).sorted().toList());
  }

  private static SwarmsnapException failed(String what) {
    return new SwarmsnapException(ExitCode.FAILED, what + "; nothing was changed outside the extraction",
        "restore on a host with the backup's address, or report this with 'swarmsnap verify --json' of the archive");
  }
}
