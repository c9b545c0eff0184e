package dev.swarmsnap.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.EngineVersion;
import dev.swarmsnap.engine.LocalNodeState;
import dev.swarmsnap.engine.ManagerStatus;
import dev.swarmsnap.engine.NodeRole;
import dev.swarmsnap.engine.SwarmInfo;
import dev.swarmsnap.engine.SwarmNode;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The stand-in's wait: a follower only in its backup outage is back after it; one really down is not. */
class ScheduledTurnTest {
  private final List<Duration> waits = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private final ScheduledTurn turn = new ScheduledTurn(waits::add);

  @Test
  void aStandInWaitsAndStepsAsideWhenThePassedOverFollowerIsBack() {
    NodesAnswers engine = new NodesAnswers("b",
        List.of(leader("c"), follower("a", false), follower("b", true)),
        List.of(leader("c"), follower("a", true), follower("b", true)));

    Designation designation = turn.decide(engine, Duration.ofSeconds(60), log::add);

    assertThat(waits).containsExactly(Duration.ofSeconds(60));
    assertThat(log).singleElement().asString().contains("waiting 60 s");
    assertThat(designation.self()).isFalse();
    assertThat(designation.designated().map(SwarmNode::id)).contains("a");
  }

  @Test
  void aStandInTakesOverWhenThePassedOverFollowerIsStillDown() {
    List<SwarmNode> down = List.of(leader("c"), follower("a", false), follower("b", true));
    Designation designation = turn.decide(new NodesAnswers("b", down, down), Duration.ofSeconds(5), log::add);

    assertThat(designation.self()).isTrue();
    assertThat(designation.passedOver()).extracting(SwarmNode::id).containsExactly("a");
  }

  @Test
  void theFirstInOrderNeverWaits() {
    List<SwarmNode> nodes = List.of(leader("c"), follower("a", true), follower("b", false));

    assertThat(turn.decide(new NodesAnswers("a", nodes), Duration.ofSeconds(60), log::add).self()).isTrue();
    assertThat(waits).isEmpty();
  }

  @Test
  void noFollowerReadyIsARefusal() {
    List<SwarmNode> nodes = List.of(leader("c"), follower("a", false), follower("b", false));

    assertThatThrownBy(() -> turn.decide(new NodesAnswers("c", nodes), Duration.ZERO, log::add))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE));
  }

  private static SwarmNode leader(String id) {
    return node(id, new ManagerStatus(true, "reachable", "10.231.0.1:2377"), "ready");
  }

  private static SwarmNode follower(String id, boolean up) {
    return node(id, new ManagerStatus(false, up ? "reachable" : "unreachable", "10.231.0.2:2377"), up ? "ready" : "down");
  }

  private static SwarmNode node(String id, ManagerStatus status, String state) {
    return new SwarmNode(id, "host-" + id, NodeRole.MANAGER, state, "active", "10.231.0.9", "20.10.24", Optional.of(status));
  }

  /** A manager's engine whose {@code /nodes} answers change from call to call (the last one repeats). */
  private static final class NodesAnswers implements EngineClient {
    private final String selfId;
    private final Deque<List<SwarmNode>> answers;

    @SafeVarargs
    NodesAnswers(String selfId, List<SwarmNode>... answers) {
      this.selfId = selfId;
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public EngineVersion version() {
      return new EngineVersion("20.10.24", "1.41", "linux", "amd64", "6.1");
    }

    @Override
    public EngineInfo info() {
      return new EngineInfo("host-" + selfId, "20.10.24", "/var/lib/docker", new SwarmInfo(LocalNodeState.ACTIVE,
          selfId, "10.231.0.9", true, "", Optional.of("cluster"), Optional.of(false), List.of()));
    }

    @Override
    public List<SwarmNode> nodes() {
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    @Override
    public boolean ping() {
      return true;
    }

    @Override
    public SwarmNode node(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<String, byte[]> apiSnapshot() {
      throw new UnsupportedOperationException();
    }

    @Override
    public char[] unlockKey() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void unlock(char[] unlockKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String swarmInit(boolean forceNewCluster, String advertiseAddr, String listenAddr) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void swarmUpdateAutolock(boolean autolock) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void autolockWithNewKey() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void removeNode(String id, boolean force) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String endpoint() {
      return "fake";
    }

    @Override
    public void close() {}
  }
}
