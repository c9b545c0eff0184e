package dev.swarmsnap.core.recover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.core.verify.RealState;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.testing.TreeHashes;
import dev.swarmsnap.testing.fakes.FakeEngine;
import dev.swarmsnap.testing.fakes.FakeRestartGuard;
import dev.swarmsnap.testing.fakes.RecordingListener;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * recover's refusals on a fake engine over the {@code three} fixture: each one comes before the
 * engine is touched, and leaves the swarm directory as it was.
 */
@Timeout(20)
class RecoverServiceTest {
  @TempDir Path tmp;
  private Path swarmDir;
  private Map<String, String> original;
  private FakeEngine engine;
  private final FakeRestartGuard guard = new FakeRestartGuard();

  @BeforeEach
  void setUp() throws Exception {
    swarmDir = RealState.unpack("three", tmp.resolve("docker"));
    original = TreeHashes.of(swarmDir);
    engine = new FakeEngine(tmp.resolve("engine"), swarmDir.getParent());
  }

  @Test
  void anEngineThatDoesNotAnswerIsRefused() {
    engine.control().stop(Duration.ofSeconds(1));

    assertRefused(request(false, true), new RecordingListener(true), ExitCode.ENGINE_UNREACHABLE,
        "the engine at unix:///fake/docker.sock does not answer");
    assertThat(engine.calls()).containsExactly("stop", "GET /_ping");
  }

  @Test
  void aClusterThatStillHasALeaderIsRefused() {
    assertRefused(request(false, true), new RecordingListener(true), ExitCode.UNSAFE,
        "the cluster has a leader (this manager lists 3 nodes): quorum is not lost");
  }

  @Test
  void aWorkerIsRefused() {
    engine.worker();

    assertRefused(request(false, true), new RecordingListener(true), ExitCode.NOT_A_MANAGER,
        "this node is not a swarm manager");
  }

  @Test
  void aLockedNodeIsRefused() {
    engine.locked();

    assertRefused(request(false, true), new RecordingListener(true), ExitCode.UNSAFE, "this node is locked");
  }

  @Test
  void aPlanNobodyConfirmedChangesNothing() {
    engine.withoutQuorum();
    RecordingListener declining = new RecordingListener(false);

    assertThatThrownBy(() -> service().run(request(false, false), engine.client(), engine.control(), declining))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE))
        .hasMessage("recover cancelled; nothing was changed");
    assertThat(declining.questions()).isEqualTo(1);
    assertUntouched();
  }

  @Test
  void aDryRunConfirmsTheLossPrintsThePlanAndStopsNothing() {
    engine.withoutQuorum();

    RecoverReport report = service().run(request(true, true), engine.client(), engine.control(),
        new RecordingListener(true));

    assertThat(report.dryRun()).isTrue();
    assertThat(report.quorum().answering()).containsExactly(FakeEngine.ADDRESS + ":2377");
    assertUntouched();
  }

  private void assertRefused(RecoverRequest request, RecordingListener listener, ExitCode code, String message) {
    assertThatThrownBy(() -> service().run(request, engine.client(), engine.control(), listener))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(code);
          assertThat(e.getMessage()).startsWith(message);
          assertThat(e.hint()).isPresent();
        });
    assertUntouched();
  }

  private void assertUntouched() {
    assertThat(guard.armed()).isZero();
    assertThat(engine.count("start")).isZero();
    assertThat(engine.calls()).doesNotContain("swarmInit force");
    assertThat(TreeHashes.of(swarmDir)).isEqualTo(original);
    assertThat(swarmDir.getParent()).isDirectoryNotContaining(p -> !p.equals(swarmDir));
  }

  private RecoverService service() {
    return new RecoverService(Clock.systemUTC(),
        new UnlockKeyReader(Map.of(), new ByteArrayInputStream(new byte[0]), null), guard);
  }

  private RecoverRequest request(boolean dryRun, boolean confirmed) {
    return new RecoverRequest(Optional.of(swarmDir), Optional.empty(), Optional.empty(), Optional.empty(), dryRun,
        confirmed, !confirmed, tmp.resolve("run"), Duration.ofMinutes(5), Duration.ZERO);
  }
}
