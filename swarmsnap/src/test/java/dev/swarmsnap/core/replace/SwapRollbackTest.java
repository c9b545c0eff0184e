package dev.swarmsnap.core.replace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.testing.TreeHashes;
import dev.swarmsnap.testing.fakes.FakeEngine;
import dev.swarmsnap.testing.fakes.FaultyEngineClient;
import dev.swarmsnap.testing.fakes.FaultyEngineControl;
import dev.swarmsnap.testing.fakes.FaultyMover;
import dev.swarmsnap.testing.fakes.RecordingListener;
import dev.swarmsnap.testing.fakes.SteppingClock;
import java.io.IOException;
import java.nio.file.Files;
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
 * Rolling back a swap after the restored node failed to lead, with each step of the rollback
 * failing in turn: whatever fails, the engine is started (or the error says how), nothing is renamed
 * under a running engine, and one error says where everything is.
 */
@Timeout(10)
class SwapRollbackTest {
  private static final SwarmsnapException CAUSE =
      new SwarmsnapException(ExitCode.UNSAFE, "the forced init was refused", "look at the engine's log");

  @TempDir Path tmp;
  private Path swarmDir;
  private Path aside;
  private Path failed;
  private Map<String, String> before;
  private Map<String, String> incoming;
  private FakeEngine engine;
  private FaultyEngineControl control;
  private final FaultyMover mover = new FaultyMover();
  private final RecordingListener listener = new RecordingListener(true);
  private SwarmDirectorySwap swap;

  @BeforeEach
  void swappedAndRunning() throws IOException {
    swarmDir = tree(tmp.resolve("swarm"), "before");
    Path restored = tree(tmp.resolve(".swarmsnap-restore-T"), "backup");
    aside = tmp.resolve("swarm.before-restore-T");
    failed = tmp.resolve("swarm.failed-restore-T");
    before = TreeHashes.of(swarmDir);
    incoming = TreeHashes.of(restored);
    engine = new FakeEngine(tmp.resolve("engine"), tmp);
    control = new FaultyEngineControl(engine.control());
    swap = new SwarmDirectorySwap("restore", swarmDir, aside, restored, failed, mover);
    swap.swap();
  }

  @Test
  void theEngineIsStoppedTheDirectoriesRenamedBackAndTheEngineStartedAndAnswers() {
    SwarmsnapException error = rollback(Optional.of(new EngineWait(Clock.systemUTC(), engine.client()))).rollBack(CAUSE, swap);

    assertThat(error.getMessage()).isEqualTo("restore failed and was rolled back: the forced init was refused. the"
        + " restored state was moved to " + failed + "; the previous swarm directory is back at " + swarmDir
        + "; the engine was started again and answers");
    assertThat(error.exitCode()).isEqualTo(ExitCode.UNSAFE);
    assertThat(error.hint()).hasValue("look at the engine's log");
    assertThat(error.getCause()).isSameAs(CAUSE);
    assertThat(engine.calls()).containsSubsequence("stop", "start", "GET /_ping");
    assertThat(TreeHashes.of(swarmDir)).isEqualTo(before);
    assertThat(TreeHashes.of(failed)).isEqualTo(incoming);
    assertThat(engine.running()).isTrue();
    assertThat(listener.warnings()).containsExactly("restore failed (the forced init was refused); rolling back");
  }

  @Test
  void aStopThatHangsRenamesNothingUnderTheRunningEngine() {
    control.stopHangs();

    SwarmsnapException error = rollback(Optional.empty()).rollBack(cause(), swap);

    assertThat(error.getMessage()).contains("rolling back failed too (dockerd did not exit within 60 s of SIGTERM):"
        + " check the swarm directory and the *.before-restore-* directory next to it by hand");
    assertThat(TreeHashes.of(swarmDir)).as("still the restored state: the engine runs on it").isEqualTo(incoming);
    assertThat(TreeHashes.of(aside)).isEqualTo(before);
    assertThat(engine.running()).isTrue();
    assertThat(control.starts()).isZero();
  }

  @Test
  void aRenameBackThatFailsStillStartsTheEngineAndSaysWhatToCheck() {
    mover.failOn(3);

    SwarmsnapException error = rollback(Optional.empty()).rollBack(cause(), swap);

    assertThat(error.getMessage())
        .contains("rolling back failed too (cannot rename " + swarmDir + " to " + failed)
        .endsWith("by hand; the engine was started again");
    assertThat(error.getCause().getSuppressed()).hasSize(1);
    assertThat(TreeHashes.of(aside)).isEqualTo(before);
    assertThat(engine.running()).isTrue();
  }

  @Test
  void aFailedSecondRenameBackKeepsThePreviousDirectoryWholeAside() {
    mover.failOn(4);

    SwarmsnapException error = rollback(Optional.empty()).rollBack(cause(), swap);

    assertThat(error.getMessage()).contains("rolling back failed too (cannot rename " + aside + " to " + swarmDir);
    assertThat(TreeHashes.of(aside)).isEqualTo(before);
    assertThat(TreeHashes.of(failed)).isEqualTo(incoming);
    assertThat(engine.running()).isTrue();
  }

  @Test
  void anEngineThatWillNotStartAgainIsNamedWithTheCommandToRun() {
    control.failEveryStart();

    SwarmsnapException error = rollback(Optional.empty()).rollBack(cause(), swap);

    assertThat(error.getMessage()).contains("the previous swarm directory is back at " + swarmDir)
        .endsWith("the engine could not be started (the start command failed: dockerd: simulated failure); start it"
            + " by hand: fake-engine start");
    assertThat(TreeHashes.of(swarmDir)).isEqualTo(before);
    assertThat(engine.running()).isFalse();
  }

  @Test
  void anEngineWhoseApiNeverAnswersAfterTheRollbackIsReported() {
    FaultyEngineClient silent = new FaultyEngineClient(engine.client()).failAfter(0);
    EngineWait wait = new EngineWait(new SteppingClock(Duration.ofMinutes(4)), silent);

    SwarmsnapException error = rollback(Optional.of(wait)).rollBack(cause(), swap);

    assertThat(error.getMessage()).contains("the engine could not be started (the engine was started again but its"
        + " API did not answer within 180 s)");
    assertThat(TreeHashes.of(swarmDir)).isEqualTo(before);
    assertThat(engine.running()).isTrue();
  }

  private SwapRollback rollback(Optional<EngineWait> answerCheck) {
    return new SwapRollback("restore", "the swarm directory", control, answerCheck, listener);
  }

  private static SwarmsnapException cause() {
    return new SwarmsnapException(ExitCode.FAILED, "the forced init was refused", null);
  }

  private static Path tree(Path dir, String content) throws IOException {
    Files.createDirectories(dir.resolve("certificates"));
    Files.writeString(dir.resolve("certificates/swarm-node.key"), "key: " + content);
    Files.writeString(dir.resolve("docker-state.json"), "{\"from\":\"" + content + "\"}");
    return dir;
  }
}
