package dev.swarmsnap.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.fakes.FakeEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog's decisions, with the real shell process and a fake engine it starts through the fake
 * control's command lines. "swarmsnap" is a child {@code sleep} here, so the test can kill -9 it; no
 * dockerd, no root.
 */
@Timeout(30)
class WatchdogWithFakeEngineTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  // Static: a watchdog that acted lingers about a second (its start loop's pause) before it exits,
  // and must not find its directory pulled away mid-write. @AfterAll waits for every one of them.
  @TempDir static Path tmp;
  private static final List<Path> logs = new ArrayList<>();
  private static int round;

  private FakeEngine engine;
  private Path dir;
  private Path staging;
  private Process tool;

  @BeforeEach
  void setUp() throws IOException {
    Path home = tmp.resolve("round-" + ++round);
    engine = new FakeEngine(home.resolve("engine"), home.resolve("docker"));
    engine.control().stop(Duration.ofSeconds(1));
    dir = home.resolve("watchdog");
    staging = Files.createDirectories(home.resolve("staging"));
    Files.writeString(staging.resolve("swarm-node.key"), "copy of a key");
    tool = new ProcessBuilder("sleep", "60").start();
  }

  @AfterEach
  void killTool() {
    tool.destroyForcibly();
  }

  @AfterAll
  static void watchdogsHaveExited() {
    for (Path log : logs) {
      assertThat(Await.until(WAIT, () -> ended(log))).as(log + " ends").isTrue();
    }
  }

  @Test
  void whenSwarmsnapIsKilledItStartsTheEngineAndRemovesTheStagingCopy() {
    Watchdog watchdog = arm(Instant.now().plusSeconds(600));

    tool.destroyForcibly();

    assertThat(Await.until(WAIT, engine::running)).as("engine started").isTrue();
    assertThat(Await.until(WAIT, () -> !Files.exists(staging))).as("staging removed").isTrue();
    assertThat(watchdog.fired()).isTrue();
  }

  @Test
  void whenTheMaximumDowntimePassesItStartsTheEngineAndLeavesTheStagingToTheLiveTool() {
    Watchdog watchdog = arm(Instant.now().minusSeconds(1));

    assertThat(Await.until(WAIT, engine::running)).as("engine started").isTrue();
    assertThat(watchdog.fired()).isTrue();
    assertThat(staging).exists();
  }

  @Test
  void aDisarmedWatchdogLeavesQuietlyAndDoesNotActWhenSwarmsnapEndsLater() {
    Watchdog watchdog = arm(Instant.now().plusSeconds(600));

    engine.control().start(Duration.ofSeconds(1));
    watchdog.disarm();

    assertThat(Await.until(WAIT, () -> !Files.exists(dir))).as("its directory removed").isTrue();
    tool.destroyForcibly();
    engine.control().stop(Duration.ofSeconds(1));
    assertThat(watchdog.fired()).isFalse();
    assertThat(engine.running()).isFalse();
    assertThat(staging).exists();
  }

  @Test
  void anEngineThatAlreadyRunsIsNotStartedAgain() throws IOException {
    engine.control().start(Duration.ofSeconds(1));
    Files.delete(engine.marker());
    Path started = engine.marker().resolveSibling("started-by-watchdog");
    Watchdog watchdog = Watchdog.arm(dir, new MarkerControl(engine, started), settings(Optional.empty()),
        Instant.now().plusSeconds(600), tool.pid());
    logs.add(dir.resolve("watchdog.log"));
    Files.writeString(engine.marker(), "");

    tool.destroyForcibly();

    assertThat(Await.until(WAIT, () -> logContains(dir.resolve("watchdog.log"), "engine is running"))).isTrue();
    assertThat(watchdog.fired()).isTrue();
    assertThat(started).doesNotExist();
  }

  private OutageSettings settings(Optional<Path> cleanup) {
    return new OutageSettings(dir, Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(5), cleanup);
  }

  private Watchdog arm(Instant deadline) {
    Watchdog watchdog = Watchdog.arm(dir, engine.control(), settings(Optional.of(staging)), deadline, tool.pid());
    logs.add(dir.resolve("watchdog.log"));
    return watchdog;
  }

  /** Done when it logged its end, or removed its directory after a disarm. */
  private static boolean ended(Path log) {
    return !Files.exists(log) || logContains(log, "engine is running") || logContains(log, "could not start");
  }

  private static boolean logContains(Path log, String text) {
    try {
      return Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** The fake engine's control whose start also leaves a trace file, to see whether it ran. */
  private record MarkerControl(FakeEngine engine, Path trace) implements dev.swarmsnap.engine.EngineControl {
    @Override
    public String describe() {
      return "traced fake";
    }

    @Override
    public void stop(Duration timeout) {
      engine.control().stop(timeout);
    }

    @Override
    public void start(Duration timeout) {
      engine.control().start(timeout);
    }

    @Override
    public boolean isRunning() {
      return engine.running();
    }

    @Override
    public String startCommandLine() {
      return ": > '" + trace + "'; " + engine.control().startCommandLine();
    }

    @Override
    public String runningCheckCommandLine() {
      return engine.control().runningCheckCommandLine();
    }

    @Override
    public java.util.List<String> manualStartInstructions() {
      return engine.control().manualStartInstructions();
    }
  }
}
