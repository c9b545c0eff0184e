package dev.swarmsnap.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.engine.EngineControlException;
import dev.swarmsnap.testing.fakes.FakeEngine;
import dev.swarmsnap.testing.fakes.FakeRestartGuard;
import dev.swarmsnap.testing.fakes.FaultyEngineControl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine always restarts: every way out of an {@link EngineOutage}, on a fake engine with injected faults. */
@Timeout(10)
class EngineOutageFaultsTest {
  @TempDir Path tmp;
  private FakeEngine engine;
  private FaultyEngineControl control;
  private final FakeRestartGuard guard = new FakeRestartGuard();
  private OutageSettings settings;

  @BeforeEach
  void setUp() {
    engine = new FakeEngine(tmp.resolve("engine"), tmp.resolve("docker"));
    control = new FaultyEngineControl(engine.control());
    // a short stop timeout: without an API, a daemon alive after the stop is waited for that long
    settings = new OutageSettings(tmp.resolve("run"), Duration.ofMinutes(5), Duration.ofSeconds(2),
        Duration.ofSeconds(60), Optional.empty());
  }

  @Test
  void anOutageStopsTheEngineAndRestartStartsItOnceAndStandsTheGuardDown() {
    try (EngineOutage outage = EngineOutage.begin(control, settings, guard, Instant.now())) {
      assertThat(engine.running()).isFalse();
      assertThat(guard.watching()).isTrue();
      outage.restart();
      outage.restart();
    }
    assertThat(engine.running()).isTrue();
    assertThat(engine.calls()).containsExactly("stop", "start");
    assertThat(guard.watching()).isFalse();
  }

  @Test
  void leavingTheOutageByAnExceptionStartsTheEngine() {
    assertThatThrownBy(() -> {
      try (EngineOutage outage = EngineOutage.begin(control, settings, guard, Instant.now())) {
        throw new IllegalStateException("copy failed");
      }
    }).hasMessage("copy failed");

    assertThat(engine.running()).isTrue();
    assertThat(guard.watching()).isFalse();
  }

  @Test
  void aStartThatFailsOnceIsRetriedAndTheEngineRuns() {
    try (EngineOutage outage = EngineOutage.begin(control, settings, guard, Instant.now())) {
      control.failStarts(1);
      outage.restart();
    }
    assertThat(control.starts()).isEqualTo(2);
    assertThat(engine.running()).isTrue();
    assertThat(guard.watching()).isFalse();
  }

  @Test
  void anEngineThatWillNotStartIsAClearErrorWithTheCommandToRunAndTheGuardKeepsWatching() {
    EngineOutage outage = EngineOutage.begin(control, settings, guard, Instant.now());
    control.failEveryStart();

    assertThatThrownBy(outage::restart)
        .isInstanceOfSatisfying(EngineControlException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("the engine did not start again (2 attempts): the start command"
              + " failed: dockerd: simulated failure");
          assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("start it now by hand: fake-engine start"));
        });
    assertThat(control.starts()).isEqualTo(EngineOutage.START_ATTEMPTS);
    assertThat(engine.running()).isFalse();
    assertThat(guard.watching()).as("the watchdog still starts it later").isTrue();

    control.failStarts(0);
    outage.close();
    assertThat(engine.running()).as("close tries again").isTrue();
    assertThat(guard.watching()).isFalse();
  }

  @Test
  void aStartThatReportsFailureButStartedTheEngineCounts() {
    EngineOutage outage = EngineOutage.begin(control, settings, guard, Instant.now());
    engine.control().start(Duration.ofSeconds(1)); // the daemon came up although the command failed
    outage.restart();

    assertThat(control.starts()).isZero();
    assertThat(guard.watching()).isFalse();
  }

  @Test
  void aStopThatHangsIsReportedAndTheEngineIsLeftRunning() {
    control.stopHangs();

    assertThatThrownBy(() -> EngineOutage.begin(control, settings, guard, Instant.now()))
        .isInstanceOf(EngineControlException.class).hasMessageContaining("did not exit within 2 s");
    assertThat(engine.running()).isTrue();
    assertThat(control.starts()).as("it never stopped, so nothing to start").isZero();
    assertThat(guard.watching()).isFalse();
  }

  @Test
  void aStopThatFailsAfterStoppingStartsTheEngineBeforeTheError() {
    control.stopFailsAfterStopping();

    assertThatThrownBy(() -> EngineOutage.begin(control, settings, guard, Instant.now()))
        .hasMessageContaining("the stop command failed");
    assertThat(engine.running()).isTrue();
    assertThat(engine.calls()).containsExactly("stop", "start");
    assertThat(guard.watching()).isFalse();
  }

  @Test
  void aStopThatFailsWhileTheStartFailsTooCarriesBothFailures() {
    control.stopFailsAfterStopping().failEveryStart();

    assertThatThrownBy(() -> EngineOutage.begin(control, settings, guard, Instant.now()))
        .hasMessageContaining("the stop command failed")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .satisfies(s -> assertThat(s.getMessage()).startsWith("the engine did not start again")));
    assertThat(guard.watching()).as("the watchdog is the last net").isTrue();
  }

  @Test
  void aGuardThatCannotBeArmedStopsNothing() {
    guard.failToArm();

    assertThatThrownBy(() -> EngineOutage.begin(control, settings, guard, Instant.now()))
        .hasMessageContaining("cannot start the watchdog");
    assertThat(engine.calls()).isEmpty();
    assertThat(engine.running()).isTrue();
  }

  @Test
  void anEngineThatWasAlreadyDownIsStartedWhenTheOutageEnds() {
    engine.control().stop(Duration.ofSeconds(1));
    try (EngineOutage outage = EngineOutage.beginStopped(control, settings, guard, Instant.now())) {
      assertThat(control.stops()).isZero();
      assertThat(guard.watching()).isTrue();
    }
    assertThat(engine.running()).isTrue();
    assertThat(guard.watching()).isFalse();
  }
}
