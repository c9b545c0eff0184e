package dev.swarmsnap.core.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.core.verify.RealState;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
import dev.swarmsnap.swarmstate.keys.UnlockedKeyFile;
import dev.swarmsnap.swarmstate.model.RaftMemberInfo;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offline one-manager rewrite on real state written by dockerd 20.10.24 (fixtures: a follower
 * of 3 managers, a single manager with a snapshot, a plain one, an autolocked one), read back by
 * our own reader: this node is the only member, at the address asked for, every other member is
 * on the removed list, nothing is left to commit, and the objects are the same.
 */
class OneManagerStartTest {
  private static final String NEW = "10.231.99.7:2377";

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"three", "snap", "plain", "locked"})
  void apply_otherAddress_readsBackAsOneMemberWithTheSameObjects(String fixture) throws Exception {
    Path swarm = RealState.unpack(fixture, tmp);
    if (fixture.equals("locked")) {
      unlockOffline(swarm, Files.readString(RealState.resource("locked/unlock-key")).trim());
    }
    SwarmState before = new SwarmStateReader().read(swarm, Optional.empty());
    RaftMemberInfo self = self(before);

    OneManagerStart.Result result = new OneManagerStart().apply(swarm, before, NEW, "0.0.0.0:2377");

    SwarmState after = new SwarmStateReader().read(swarm, Optional.empty());
    assertThat(result.oldRaftAddr()).isEqualTo(self.addr()).isNotEqualTo(NEW);
    assertThat(after.raft().members()).containsExactly(new RaftMemberInfo(self.raftId(), self.nodeId(), NEW));
    assertThat(after.raft().removed()).containsAll(before.raft().members().stream()
        .map(RaftMemberInfo::raftId).filter(id -> id != self.raftId()).toList())
        .containsAll(before.raft().removed());
    assertThat(result.removedMembers()).isEqualTo(before.raft().members().size() - 1);
    // a snapshot at the old commit index, then one committed no-op entry
    assertThat(after.raft().snapshotIndex()).isEqualTo(before.raft().commitIndex()).isEqualTo(result.index());
    assertThat(after.raft().commitIndex()).isEqualTo(result.index() + 1);
    assertThat(after.raft().lastIndex()).isEqualTo(result.index() + 1);
    assertThat(after.raft().uncommittedEntries()).isZero();
    assertThat(after.cluster()).isEqualTo(before.cluster());
    assertThat(after.services()).isEqualTo(before.services());
    assertThat(after.secrets()).isEqualTo(before.secrets());
    assertThat(after.configs()).isEqualTo(before.configs());
    assertThat(after.networks()).isEqualTo(before.networks());
    // the node objects are the same; what the reader shows as their manager status follows the
    // raft membership, where this node is now the only member (and so the leader)
    assertThat(after.nodes()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("manager")
        .isEqualTo(before.nodes());
    assertThat(after.tasks()).isEqualTo(before.tasks());
    JsonNode state = new ObjectMapper().readTree(swarm.resolve("docker-state.json").toFile());
    assertThat(state.path("LocalAddr").asText()).isEqualTo("10.231.99.7");
    assertThat(state.path("AdvertiseAddr").asText()).isEqualTo(NEW);
    assertThat(state.path("RemoteAddr").asText()).isEmpty();
    assertThat(state.path("ListenAddr").asText()).isEqualTo("0.0.0.0:2377");
    assertThat(state.has("DataPathPort")).isTrue();
    JsonNode managers = new ObjectMapper().readTree(swarm.resolve("state.json").toFile());
    assertThat(managers).hasSize(1);
    assertThat(managers.get(0).path("node_id").asText()).isEqualTo(self.nodeId());
    assertThat(managers.get(0).path("addr").asText()).isEqualTo(NEW);
  }

  @ParameterizedTest
  @ValueSource(strings = {"three"})
  void apply_sameAddress_keepsTheAddressAndLeavesOneSnapshotAndOneSegment(String fixture) throws Exception {
    Path swarm = RealState.unpack(fixture, tmp);
    SwarmState before = new SwarmStateReader().read(swarm, Optional.empty());
    RaftMemberInfo self = self(before);

    new OneManagerStart().apply(swarm, before, self.addr(), "0.0.0.0:2377");

    SwarmState after = new SwarmStateReader().read(swarm, Optional.empty());
    assertThat(after.raft().members()).containsExactly(self);
    try (Stream<Path> snaps = Files.list(swarm.resolve("raft/snap-v3-encrypted"));
        Stream<Path> wals = Files.list(swarm.resolve("raft/wal-v3-encrypted"))) {
      assertThat(snaps.map(p -> p.getFileName().toString()))
          .containsExactly(String.format("%016x-%016x.snap", after.raft().snapshotTerm(), after.raft().snapshotIndex()));
      assertThat(wals.map(p -> p.getFileName().toString())).containsExactly("0000000000000000-0000000000000000.wal");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"three"})
  void apply_twice_isStable(String fixture) throws Exception {
    Path swarm = RealState.unpack(fixture, tmp);
    SwarmState before = new SwarmStateReader().read(swarm, Optional.empty());
    new OneManagerStart().apply(swarm, before, "10.231.99.8:2377", "0.0.0.0:2377");

    new OneManagerStart().apply(swarm, new SwarmStateReader().read(swarm, Optional.empty()), NEW, "0.0.0.0:2377");

    SwarmState after = new SwarmStateReader().read(swarm, Optional.empty());
    assertThat(after.raft().members()).singleElement().extracting(RaftMemberInfo::addr).isEqualTo(NEW);
    assertThat(after.raft().commitIndex()).isEqualTo(before.raft().commitIndex() + 2);
    assertThat(after.services()).isEqualTo(before.services());
  }

  private static RaftMemberInfo self(SwarmState state) {
    return state.raft().members().stream().filter(m -> m.raftId() == state.raft().raftId()).findFirst().orElseThrow();
  }

  private static void unlockOffline(Path swarm, String key) {
    Path keyFile = swarm.resolve("certificates/swarm-node.key");
    byte[] pem = new UnlockedKeyFile().render(NodeKeyFile.read(keyFile), UnlockKey.parse(key.toCharArray()));
    try (PendingFile out = new AtomicFileWriter().create(keyFile, AtomicFileWriter.OWNER_ONLY)) {
      out.write(pem, 0, pem.length);
      out.commit();
    }
  }
}
