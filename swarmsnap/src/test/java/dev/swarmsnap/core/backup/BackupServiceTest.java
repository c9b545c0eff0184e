package dev.swarmsnap.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ArchiveReport;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.core.verify.RealState;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.hostlock.HostLock;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.testing.fakes.FakeEngine;
import dev.swarmsnap.testing.fakes.FakeRestartGuard;
import dev.swarmsnap.testing.fakes.FaultyEngineClient;
import dev.swarmsnap.testing.fakes.FaultyEngineControl;
import dev.swarmsnap.testing.fakes.RecordingListener;
import dev.swarmsnap.testing.fakes.SteppingClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BackupService} on a fake engine over a real swarm directory (the {@code three} fixture's
 * follower), with faults injected into the ports: every path ends with the engine running and
 * either an archive that reads back or nothing written. The lab's BackupIT proves the same on
 * real engines.
 */
@Timeout(20)
class BackupServiceTest {
  /** A config the copy of the fixture does not hold. */
  private static final String PHANTOM_CONFIG =
      "{\"ID\":\"phantomcfg0000000000000001\",\"Version\":{\"Index\":5},\"Spec\":{\"Name\":\"phantom\"}}";

  @TempDir Path tmp;
  private Path swarmDir;
  private Path out;
  private FakeEngine engine;
  private FaultyEngineControl control;
  private FaultyEngineClient client;
  private final FakeRestartGuard guard = new FakeRestartGuard();
  private final RecordingListener listener = new RecordingListener(true);

  @BeforeEach
  void setUp() throws Exception {
    swarmDir = RealState.unpack("three", tmp.resolve("docker"));
    out = Files.createDirectories(tmp.resolve("out"));
    engine = new FakeEngine(tmp.resolve("engine"), swarmDir.getParent());
    control = new FaultyEngineControl(engine.control());
    client = new FaultyEngineClient(engine.client());
  }

  @Test
  void aFollowerIsStoppedOnceCopiedStartedAndItsArchiveReadsBack() {
    BackupReport report = backUp(options(false));

    assertThat(engine.calls()).containsSubsequence("apiSnapshot", "stop", "start", "GET /_ping");
    assertThat(engine.count("stop")).isEqualTo(1);
    assertThat(engine.count("start")).isEqualTo(1);
    assertThat(engine.running()).isTrue();
    assertThat(guard.armed()).isEqualTo(1);
    assertThat(guard.watching()).isFalse();
    assertThat(guard.settings().cleanupOnDeath()).as("the watchdog would remove the staging copy").isPresent();
    Path archive = Path.of(report.archive());
    assertThat(listing(out)).containsExactly(archive);
    ArchiveReport read = new ArchiveReader(new ManifestCodec()).verify(archive, ProgressListener.NONE);
    assertThat(read.problems()).isEmpty();
    assertThat(report.nodeId()).isEqualTo(FakeEngine.NODE_ID);
    assertThat(report.objects()).containsEntry("services", 2);
  }

  @Test
  void anEngineStartThatFailsOnceAfterTheCopyIsRetriedAndTheBackupCompletes() {
    control.failStarts(1);

    BackupReport report = backUp(options(false));

    assertThat(control.starts()).isEqualTo(2);
    assertThat(engine.running()).isTrue();
    assertThat(guard.watching()).isFalse();
    assertThat(Path.of(report.archive())).exists();
  }

  @Test
  void anEngineThatWillNotStartAfterTheCopyIsAClearErrorAndNothingIsWritten() {
    control.failEveryStart();

    assertThatThrownBy(() -> backUp(options(false)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
          assertThat(e.getMessage()).startsWith("the engine did not start again (2 attempts): ")
              .contains("simulated failure");
          assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("start it now by hand: fake-engine start"));
        });
    assertThat(control.starts()).as("tried, and tried again when the outage closed").isGreaterThanOrEqualTo(2);
    assertThat(guard.watching()).as("the watchdog still starts it when the downtime runs out").isTrue();
    assertThat(listing(out)).isEmpty();
  }

  @Test
  void aStopThatHangsIsAClearErrorTheEngineRunsAndNothingIsWritten() {
    control.stopHangs();

    assertThatThrownBy(() -> backUp(options(false)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.getMessage()).contains("did not exit within 60 s");
          assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("nothing was copied"));
        });
    assertThat(engine.running()).isTrue();
    assertThat(guard.watching()).isFalse();
    assertThat(listing(out)).isEmpty();
  }

  @Test
  @org.junit.jupiter.api.Disabled("the outage now waits for the API for the real start timeout (60 s) before it ends;"
      + " needs a time source injected into EngineOutage to run in seconds")
  void anApiThatNeverAnswersAfterTheRestartIsAClearErrorAndTheEngineIsLeftRunning() {
    client.failAfter(4); // version, info, nodes, apiSnapshot: everything after the restart fails

    assertThatThrownBy(() -> backUp(new SteppingClock(Duration.ofMinutes(4)), options(false)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("the engine's API did not answer again in time");
          assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("the engine runs"));
        });
    assertThat(engine.running()).isTrue();
    assertThat(guard.watching()).isFalse();
    assertThat(listing(out)).isEmpty();
  }

  @Test
  void whenTheWatchdogFiresDuringTheCopyTheCopyIsThrownAway() {
    guard.fireDuringTheOutage();

    assertThatThrownBy(() -> backUp(options(false)))
        .hasMessageContaining("the watchdog started the engine: the copy may be torn; nothing was written");
    assertThat(guard.hasFired()).isTrue();
    assertThat(engine.running()).isTrue();
    assertThat(control.starts()).as("the engine the watchdog started is not started twice").isEqualTo(1);
    assertThat(listing(out)).isEmpty();
  }

  @Test
  void anAutolockedNodeThatComesBackLockedIsUnlockedWithTheCheckedKey() throws Exception {
    swarmDir = RealState.unpack("locked", tmp.resolve("locked-docker"));
    String key = Files.readString(RealState.resource("locked/unlock-key")).trim();
    engine.autolocked(key);

    BackupReport report = backUp(options(false));

    assertThat(engine.calls()).containsSubsequence("GET /swarm/unlockkey", "stop", "start", "POST /swarm/unlock");
    assertThat(report.autolock()).isTrue();
    assertThat(report.unlockKeyFingerprint()).isPresent();
    assertThat(report.warnings()).anyMatch(w -> w.contains("it is NOT in the archive"));
    assertThat(engine.running()).isTrue();
  }

  @Test
  void theLeaderIsRefusedAndTheEngineIsNeverStopped() {
    engine.leading();

    assertThatThrownBy(() -> backUp(options(false)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE);
          assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("rdr-m"));
        });
    assertNothingHappened();
  }

  @Test
  void anOutageNobodyConfirmedStopsNothing() {
    engine.alone();
    RecordingListener declining = new RecordingListener(false);

    assertThatThrownBy(() -> new BackupService(Clock.systemUTC(), keys(), Optional.empty(), guard)
            .run(request(new BackupOptions(false, false, true, Duration.ofMinutes(5))), client, control, declining))
        .hasMessage("backup cancelled: the outage was not confirmed");
    assertThat(declining.questions()).isEqualTo(1);
    assertNothingHappened();
  }

  @Test
  void aHotBackupOfTheLeaderStopsNothingAndItsArchiveSaysHot() throws IOException {
    engine.leading();

    BackupReport report = backUp(new BackupOptions(false, false, false, Duration.ofMinutes(5), true));

    assertEngineUntouched();
    assertThat(report.mode()).isEqualTo(dev.swarmsnap.archive.manifest.BackupMode.HOT);
    assertThat(report.downtimeMillis()).isZero();
    assertThat(report.copyAttempts()).isEqualTo(1);
    assertThat(listener.steps()).anyMatch(s -> s.contains("the engine kept running"));
    ArchiveReport read = new ArchiveReader(new ManifestCodec()).verify(Path.of(report.archive()), ProgressListener.NONE);
    assertThat(read.problems()).isEmpty();
    assertThat(read.manifest().mode()).isEqualTo(dev.swarmsnap.archive.manifest.BackupMode.HOT);
    assertThat(read.manifest().engineDowntimeMillis()).isZero();
  }

  @Test
  void aColdArchiveLeavesOutOfItsApiViewWhatWasRemovedBeforeTheStop() {
    engine.apiViews(List.of(view(PHANTOM_CONFIG), view()));

    BackupReport report = backUp(options(false));

    assertThat(engine.calls()).containsSubsequence("apiSnapshot", "stop", "start", "apiSnapshot");
    assertThat(archivedApi(Path.of(report.archive()), "configs")).isEqualTo("[]");
  }

  @Test
  void aFollowersHotCopyThatLagsTheApiViewIsTakenAgainUntilItHoldsIt() {
    engine.apiViews(List.of(view(PHANTOM_CONFIG), view(PHANTOM_CONFIG), view()));

    BackupReport report = backUp(hot());

    assertThat(report.copyAttempts()).isEqualTo(2);
    assertThat(listener.steps()).anyMatch(s -> s.endsWith("copying again (try 2 of 5)")
        && s.startsWith("this follower's copy lags the leader's API view (api configs:"));
    assertThat(archivedApi(Path.of(report.archive()), "configs")).isEqualTo("[]");
    assertEngineUntouched();
  }

  @Test
  void aFollowerThatStillLagsAfterEveryTryIsExitFourNamingTheLag() {
    engine.apiViews(List.of(view(PHANTOM_CONFIG)));

    assertThatThrownBy(() -> backUp(hot()))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.VERIFY_FAILED);
          assertThat(e.getMessage()).startsWith("this follower's hot copy still lagged the leader's API view"
              + " after every try, so no archive was written: api configs:").contains("phantom");
          assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("another manager or on the leader"));
        });
    assertThat(engine.count("apiSnapshot")).as("the view, then one check per try").isEqualTo(6);
    assertNothingHappened();
  }

  @Test
  void aLeadersHotCopyOlderThanTheApiViewIsExitFourAtOnce() {
    engine.leading().apiViews(List.of(view(PHANTOM_CONFIG)));

    assertThatThrownBy(() -> backUp(hot()))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.VERIFY_FAILED);
          assertThat(e.getMessage()).startsWith("the hot copy is older than the engine's API view");
        });
    assertThat(engine.count("apiSnapshot")).isEqualTo(2);
    assertNothingHappened();
  }

  @Test
  void anExistingArchiveIsNeverOverwritten() throws IOException {
    Path existing = Files.writeString(out.resolve("old.swarmsnap"), "an older backup");

    assertThatThrownBy(() -> new BackupService(Clock.systemUTC(), keys(), Optional.empty(), guard)
            .run(new BackupRequest(existing, Optional.of(swarmDir), options(false), Optional.empty(),
                tmp.resolve("run"), "0.0.0-test"), client, control, listener))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CONFLICT));
    assertThat(Files.readString(existing)).isEqualTo("an older backup");
    assertThat(listing(out)).containsExactly(existing);
    assertEngineUntouched();
  }

  @Test
  void aSecondBackupOnThisHostIsRefusedByTheLock() {
    try (HostLock held = HostLock.acquire(tmp.resolve("run/swarmsnap.lock"), "backup")) {
      assertThatThrownBy(() -> backUp(options(false)))
          .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE);
            assertThat(e.getMessage()).startsWith("another swarmsnap is already at work on this host");
          });
    }
    assertNothingHappened();
  }

  /** An API view of the fixture's cluster whose configs are {@code configs}. */
  private static java.util.SortedMap<String, byte[]> view(String... configs) {
    java.util.SortedMap<String, byte[]> documents = new java.util.TreeMap<>();
    documents.put("swarm", "{\"ID\":\"n1zwqyl7hk4b2hq1g03sdvfuk\"}".getBytes(StandardCharsets.UTF_8));
    documents.put("configs", ("[" + String.join(",", configs) + "]").getBytes(StandardCharsets.UTF_8));
    return documents;
  }

  private static String archivedApi(Path archive, String endpoint) {
    StringBuilder content = new StringBuilder();
    new ArchiveReader(new ManifestCodec()).read(archive, f -> f.path().equals("api/" + endpoint + ".json"), (f, in) -> {
      content.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return false;
    });
    return content.toString();
  }

  private static BackupOptions hot() {
    return new BackupOptions(false, false, false, Duration.ofMinutes(5), true);
  }

  private void assertNothingHappened() {
    assertEngineUntouched();
    assertThat(listing(out)).isEmpty();
  }

  private void assertEngineUntouched() {
    assertThat(engine.calls()).doesNotContain("stop", "start");
    assertThat(guard.armed()).isZero();
    assertThat(engine.running()).isTrue();
  }

  private BackupReport backUp(BackupOptions options) {
    return backUp(Clock.systemUTC(), options);
  }

  private BackupReport backUp(Clock clock, BackupOptions options) {
    return new BackupService(clock, keys(), Optional.empty(), guard).run(request(options), client, control, listener);
  }

  private BackupRequest request(BackupOptions options) {
    return new BackupRequest(out, Optional.of(swarmDir), options, Optional.empty(), tmp.resolve("run"), "0.0.0-test");
  }

  private static BackupOptions options(boolean acceptOutage) {
    return new BackupOptions(false, acceptOutage, false, Duration.ofMinutes(5));
  }

  private static UnlockKeyReader keys() {
    return new UnlockKeyReader(Map.of(), new ByteArrayInputStream(new byte[0]), null);
  }

  private static List<Path> listing(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
