package dev.swarmsnap.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.engine.EngineControlException;
import dev.swarmsnap.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The outage in this process, against {@link FakeDaemon}: the engine comes back on every path. */
@Timeout(120)
class EngineOutageTest {
  @TempDir Path dir;
  private FakeDaemon daemon;

  @AfterEach
  void cleanUp() {
    if (daemon != null) {
      daemon.killAll();
    }
  }

  @Test
  void anOutageStopsTheDaemonAndStartsItAgainNamingEachPhase() {
    daemon = running();
    long before = daemon.pid();
    List<String> phases = new ArrayList<>();

    try (EngineOutage outage = EngineOutage.begin(daemon, settings().withPhases(phases::add), Instant.now())) {
      assertThat(daemon.isRunning()).isFalse();
      outage.reached("copying");
    }

    assertThat(Await.until(Duration.ofSeconds(30), () -> daemon.serving() && daemon.pid() != before)).isTrue();
    assertThat(phases).containsExactly("stopping", "stopped", "copying", "start-issued", "starting");
  }

  @Test
  void aStopThatFailsWhileTheDaemonStillShutsDownWaitsForItsExitAndStartsIt() {
    daemon = running();
    long dying = daemon.pid();
    FakeDaemon.Flaky impatient = new FakeDaemon.Flaky(daemon, daemon.startCommandLine()) {
      @Override
      public void stop(Duration timeout) {
        daemon.terminate();
        throw new EngineControlException("the stop timed out", "look at the daemon");
      }
    };

    assertThatThrownBy(() -> EngineOutage.begin(impatient, settings(), Instant.now())).hasMessage("the stop timed out");

    assertThat(Await.until(Duration.ofSeconds(30), () -> daemon.serving() && daemon.pid() != dying)).isTrue();
    assertThat(daemon.starts()).isEqualTo(2);
  }

  private FakeDaemon running() {
    FakeDaemon fake = new FakeDaemon(dir, Duration.ofSeconds(2));
    fake.start(Duration.ofSeconds(10));
    assertThat(Await.until(Duration.ofSeconds(30), fake::serving)).isTrue();
    return fake;
  }

  private OutageSettings settings() {
    return new OutageSettings(dir.resolve("run"), Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(10),
        Optional.empty());
  }
}
