package dev.swarmsnap.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog process against {@link FakeDaemon}, a daemon of real processes that, like dockerd,
 * keeps its pid while it shuts down; swarmsnap's death is the death of a stand-in process.
 */
@Timeout(120)
class WatchdogTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private FakeDaemon daemon;
  private Process tool;
  private Watchdog armed;

  @AfterEach
  void cleanUp() {
    if (tool != null) {
      tool.destroyForcibly();
    }
    if (daemon != null) {
      daemon.killAll();
    }
  }

  @Test
  void aDaemonStillShuttingDownIsWaitedForAndThenStarted() throws Exception {
    long dying = stoppedThenSwarmsnapDies(Duration.ofSeconds(2), Duration.ofSeconds(30));
    Watchdog watchdog = armed;

    assertThat(Await.until(PATIENCE, () -> daemon.serving() && daemon.pid() != dying)).as(log(watchdog)).isTrue();
    assertThat(Await.until(PATIENCE, () -> log(watchdog).contains("engine is running and answers"))).isTrue();
    assertThat(log(watchdog)).contains("is gone while the engine was stopped").contains("the engine has exited")
        .contains("starting the engine (attempt 1)").contains("answers");
    assertThat(log(watchdog).indexOf("has exited")).isLessThan(log(watchdog).indexOf("starting the engine"));
    assertThat(daemon.starts()).isEqualTo(2);
  }

  @Test
  void aDaemonHungInItsShutdownIsKilledAfterTheStopTimeoutAndStartedAgain() throws Exception {
    long hung = stoppedThenSwarmsnapDies(Duration.ofSeconds(600), Duration.ofSeconds(1));
    Watchdog watchdog = armed;

    assertThat(Await.until(PATIENCE, () -> daemon.serving() && daemon.pid() != hung)).as(log(watchdog)).isTrue();
    assertThat(log(watchdog)).contains("has not exited 1 s after the stop; ending it (SIGKILL)");
    assertThat(new PidFiles().isAlive(hung)).as("the hung daemon is gone (a zombie at most)").isFalse();
  }

  @Test
  void aDaemonThatStillAnswersWasNeverStoppingAndIsLeftAlone() throws Exception {
    daemon = running(Duration.ofSeconds(2));
    long pid = daemon.pid();
    Watchdog watchdog = arm(settings(Duration.ofSeconds(30)));
    watchdog.mark("stop-issued");

    tool.destroyForcibly();

    assertThat(Await.until(PATIENCE, () -> log(watchdog).contains("answers: it is not stopping"))).isTrue();
    assertThat(Await.until(PATIENCE, () -> log(watchdog).contains("engine is running and answers"))).isTrue();
    assertThat(daemon.pid()).isEqualTo(pid);
    assertThat(daemon.starts()).isEqualTo(1);
  }

  @Test
  void aStartThatFailsIsRetriedUntilTheEngineAnswers() throws Exception {
    daemon = new FakeDaemon(dir, Duration.ofSeconds(1));
    Path flaky = dir.resolve("flaky.sh");
    // Fails the first time, as a start does while the old pidfile still names a zombie.
    Files.writeString(flaky, "if [ ! -e " + dir.resolve("failed-once") + " ]; then : > " + dir.resolve("failed-once")
        + "; exit 1; fi; " + daemon.startCommandLine() + "\n");
    FakeDaemon.Flaky control = new FakeDaemon.Flaky(daemon, "sh " + flaky);
    tool = new ProcessBuilder("sleep", "600").start();
    Watchdog watchdog = Watchdog.arm(dir.resolve("wd"), control, settings(Duration.ofSeconds(30)),
        Instant.now().plusSeconds(600), tool.pid());

    tool.destroyForcibly();

    assertThat(Await.until(PATIENCE, () -> log(watchdog).contains("engine is running and answers"))).as(log(watchdog))
        .isTrue();
    assertThat(log(watchdog)).contains("the start command failed").contains("starting the engine (attempt 2)");
  }

  @Test
  void anUnfinishedSwapIsUndoneBeforeTheEngineStarts() throws Exception {
    daemon = new FakeDaemon(dir, Duration.ofSeconds(1));
    Layout layout = new Layout(dir);
    Files.createDirectories(layout.aside);
    Files.writeString(layout.aside.resolve("state"), "original");
    Files.createDirectories(layout.incoming);
    layout.journal("in", true).write();
    Watchdog watchdog = arm(settings(Duration.ofSeconds(30)).withSwapJournal(SwapJournal.fileFor(layout.swarm)));

    tool.destroyForcibly();

    assertThat(Await.until(PATIENCE, daemon::serving)).as(log(watchdog)).isTrue();
    assertThat(Files.readString(layout.swarm.resolve("state"))).isEqualTo("original");
    assertThat(layout.aside).doesNotExist();
    assertThat(layout.incoming).exists();
    assertThat(SwapJournal.fileFor(layout.swarm)).doesNotExist();
    assertThat(log(watchdog)).contains("the previous swarm directory is back at " + layout.swarm);
  }

  @Test
  void aFinishedSwapWhoseEngineNeverStartedIsUndoneToo() throws Exception {
    daemon = new FakeDaemon(dir, Duration.ofSeconds(1));
    Layout layout = swapped();
    Watchdog watchdog = arm(settings(Duration.ofSeconds(30)).withSwapJournal(SwapJournal.fileFor(layout.swarm)));

    tool.destroyForcibly();

    assertThat(Await.until(PATIENCE, daemon::serving)).as(log(watchdog)).isTrue();
    assertThat(Files.readString(layout.swarm.resolve("state"))).isEqualTo("original");
    assertThat(Files.readString(layout.failed.resolve("state"))).isEqualTo("restored");
    assertThat(SwapJournal.fileFor(layout.swarm)).doesNotExist();
  }

  @Test
  void anEngineAlreadyRunningOnTheSwappedStateIsLeftWithItsJournal() throws Exception {
    daemon = running(Duration.ofSeconds(1));
    Layout layout = swapped();
    Watchdog watchdog = arm(settings(Duration.ofSeconds(30)).withSwapJournal(SwapJournal.fileFor(layout.swarm)));
    watchdog.mark("stop-issued");
    watchdog.mark("start-issued");

    tool.destroyForcibly();

    assertThat(Await.until(PATIENCE, () -> log(watchdog).contains("engine is running and answers"))).isTrue();
    assertThat(log(watchdog)).contains("is left for the next run");
    assertThat(Files.readString(layout.swarm.resolve("state"))).isEqualTo("restored");
    assertThat(SwapJournal.find(layout.swarm)).map(SwapJournal::step).contains("placed");
    assertThat(daemon.starts()).isEqualTo(1);
  }

  @Test
  void onceTheStartWasIssuedTheSwappedStateStaysEvenIfNoDaemonShowsYet() throws Exception {
    daemon = new FakeDaemon(dir, Duration.ofSeconds(1));
    Layout layout = swapped();
    Watchdog watchdog = arm(settings(Duration.ofSeconds(30)).withSwapJournal(SwapJournal.fileFor(layout.swarm)));
    watchdog.mark("stop-issued");
    watchdog.mark("start-issued");

    tool.destroyForcibly();

    assertThat(Await.until(PATIENCE, () -> log(watchdog).contains("engine is running and answers"))).isTrue();
    assertThat(Files.readString(layout.swarm.resolve("state"))).isEqualTo("restored");
    assertThat(SwapJournal.find(layout.swarm)).isPresent();
    assertThat(daemon.starts()).isEqualTo(1);
  }

  @Test
  void disarmedItLeavesQuietly() throws Exception {
    daemon = running(Duration.ofSeconds(1));
    Watchdog watchdog = arm(settings(Duration.ofSeconds(30)));

    watchdog.disarm();

    assertThat(Await.until(PATIENCE, () -> !Files.exists(watchdog.directory()))).isTrue();
    tool.destroyForcibly();
    assertThat(daemon.starts()).isEqualTo(1);
  }

  /** Both renames done: the original aside, the restored state in place, the journal at "placed". */
  private Layout swapped() throws IOException {
    Layout layout = new Layout(dir);
    Files.createDirectories(layout.aside);
    Files.writeString(layout.aside.resolve("state"), "original");
    Files.createDirectories(layout.swarm);
    Files.writeString(layout.swarm.resolve("state"), "restored");
    layout.journal("placed", true).write();
    return layout;
  }

  /**
   * A serving daemon that takes {@code exitDelay} to exit gets the stop, then swarmsnap dies;
   * returns the stopped daemon's pid.
   */
  private long stoppedThenSwarmsnapDies(Duration exitDelay, Duration stopTimeout) throws Exception {
    daemon = running(exitDelay);
    long pid = daemon.pid();
    armed = arm(settings(stopTimeout));
    armed.mark("stop-issued");
    daemon.terminate();
    tool.destroyForcibly();
    return pid;
  }

  private FakeDaemon running(Duration exitDelay) throws Exception {
    FakeDaemon fake = new FakeDaemon(dir, exitDelay);
    fake.start(Duration.ofSeconds(10));
    assertThat(Await.until(PATIENCE, fake::serving)).isTrue();
    return fake;
  }

  private Watchdog arm(OutageSettings settings) throws IOException {
    tool = new ProcessBuilder("sleep", "600").start();
    return Watchdog.arm(dir.resolve("wd"), daemon, settings, Instant.now().plusSeconds(600), tool.pid());
  }

  private OutageSettings settings(Duration stopTimeout) {
    return new OutageSettings(dir, Duration.ofMinutes(10), stopTimeout, Duration.ofSeconds(10), Optional.empty());
  }

  private static String log(Watchdog watchdog) {
    try {
      Path log = watchdog.directory().resolve("watchdog.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** A swarm directory, where it goes aside, the state moved in, and where an undo puts that. */
  private record Layout(Path swarm, Path aside, Path incoming, Path failed) {
    Layout(Path dir) {
      this(dir.resolve("swarm"), dir.resolve("swarm.before-restore-1"), dir.resolve(".staging/swarm"),
          dir.resolve("swarm.failed-restore-1"));
    }

    SwapJournal journal(String step, boolean original) {
      return new SwapJournal("restore", 1, step, original, swarm, aside, incoming, failed);
    }
  }
}
