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
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offline raft address move on real state written by dockerd 20.10.24 (fixtures: a follower of
 * 3 managers, a single manager with a snapshot, an autolocked one), read back by our own reader:
 * the new address, one more committed entry, the same objects, the old WAL bytes untouched.
 */
class AddressMoveTest {
  private static final String NEW = "10.231.99.7:2377";

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"three", "snap", "plain", "locked"})
  void move_readsBackWithTheNewAddressAndTheSameObjects(String fixture) throws Exception {
    Path swarm = RealState.unpack(fixture, tmp);
    if (fixture.equals("locked")) {
      unlockOffline(swarm, Files.readString(RealState.resource("locked/unlock-key")).trim());
    }
    SwarmState before = new SwarmStateReader().read(swarm, Optional.empty());
    Map<Path, byte[]> walBefore = wal(swarm);
    RaftMemberInfo self = self(before);

    AddressMove.Result result = new AddressMove().apply(swarm, before, NEW, "0.0.0.0:2377");

    SwarmState after = new SwarmStateReader().read(swarm, Optional.empty());
    assertThat(result.oldRaftAddr()).isEqualTo(self.addr()).isNotEqualTo(NEW);
    assertThat(self(after).addr()).isEqualTo(NEW);
    assertThat(after.raft().members()).filteredOn(m -> m.raftId() != self.raftId())
        .isEqualTo(before.raft().members().stream().filter(m -> m.raftId() != self.raftId()).toList());
    assertThat(after.raft().commitIndex()).isEqualTo(before.raft().commitIndex() + 1).isEqualTo(result.index());
    assertThat(after.raft().lastIndex()).isEqualTo(result.index());
    assertThat(after.raft().appliedEntries()).isEqualTo(before.raft().appliedEntries() + 1);
    assertThat(after.services()).isEqualTo(before.services());
    assertThat(after.secrets()).isEqualTo(before.secrets());
    assertThat(after.configs()).isEqualTo(before.configs());
    assertThat(after.networks()).isEqualTo(before.networks());
    // the nodes are the same, but for the moved manager's raft address
    assertThat(after.nodes()).map(n -> n.manager().map(m -> m.raftId() + " " + m.addr()).orElse(n.id()))
        .isEqualTo(before.nodes().stream().map(n -> n.manager()
            .map(m -> m.raftId() + " " + (m.raftId() == self.raftId() ? NEW : m.addr())).orElse(n.id())).toList());
    assertThat(after.nodes()).map(n -> n.id() + " " + n.version())
        .isEqualTo(before.nodes().stream().map(n -> n.id() + " " + n.version()).toList());
    walBefore.forEach((file, bytes) -> assertThat(Arrays.copyOf(read(file), bytes.length))
        .as("old bytes of " + file.getFileName() + " unchanged").isEqualTo(bytes));
    JsonNode state = new ObjectMapper().readTree(swarm.resolve("docker-state.json").toFile());
    assertThat(state.path("LocalAddr").asText()).isEqualTo("10.231.99.7");
    assertThat(state.path("AdvertiseAddr").asText()).isEqualTo(NEW);
    assertThat(state.path("RemoteAddr").asText()).isEmpty();
    assertThat(state.path("ListenAddr").asText()).isEqualTo("0.0.0.0:2377");
    assertThat(state.has("DataPathPort")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"three"})
  void move_twice_theSecondAddressWins(String fixture) throws Exception {
    Path swarm = RealState.unpack(fixture, tmp);
    SwarmState before = new SwarmStateReader().read(swarm, Optional.empty());
    new AddressMove().apply(swarm, before, "10.231.99.8:2377", "0.0.0.0:2377");

    new AddressMove().apply(swarm, new SwarmStateReader().read(swarm, Optional.empty()), NEW, "0.0.0.0:2377");

    SwarmState after = new SwarmStateReader().read(swarm, Optional.empty());
    assertThat(self(after).addr()).isEqualTo(NEW);
    assertThat(after.raft().commitIndex()).isEqualTo(before.raft().commitIndex() + 2);
  }

  private static RaftMemberInfo self(SwarmState state) {
    return state.raft().members().stream().filter(m -> m.raftId() == state.raft().raftId()).findFirst().orElseThrow();
  }

  private static Map<Path, byte[]> wal(Path swarm) throws Exception {
    try (Stream<Path> files = Files.list(swarm.resolve("raft/wal-v3-encrypted"))) {
      return files.filter(f -> f.toString().endsWith(".wal")).collect(Collectors.toMap(f -> f, AddressMoveTest::read));
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
