package dev.swarmsnap.core.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.core.keys.UnlockKeySource;
import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import dev.swarmsnap.core.verify.RealState;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.hostlock.HostLock;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.testing.TestArchives;
import dev.swarmsnap.testing.TreeHashes;
import dev.swarmsnap.testing.fakes.FakeEngine;
import dev.swarmsnap.testing.fakes.RecordingListener;
import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * restore's refusals on a fake engine: each comes before the engine is stopped, leaves this node's
 * swarm directory as it was and removes its extraction. (The changing part, RestoreRun, is the lab's
 * RestoreIT; its pieces are SwarmDirectorySwapTest and SwapRollbackTest.)
 */
@Timeout(20)
class RestoreServiceTest {
  @TempDir static Path archives;
  private static Path plainArchive;
  private static Path lockedArchive;

  @TempDir Path tmp;
  private Path swarmDir;
  private Map<String, String> original;
  private FakeEngine engine;
  private Path archive;

  @BeforeAll
  static void writeArchives() throws Exception {
    plainArchive = TestArchives.write(RealState.unpack("three", archives), Map.of(), Optional.empty(),
        archives.resolve("three.swarmsnap"));
    String fingerprint = UnlockKey.parse(Files.readString(RealState.resource("locked/unlock-key")).trim()).fingerprint();
    lockedArchive = TestArchives.write(RealState.unpack("locked", archives), Map.of(), Optional.of(fingerprint),
        archives.resolve("locked.swarmsnap"));
  }

  @BeforeEach
  void setUp() throws Exception {
    swarmDir = RealState.unpack("three", tmp.resolve("docker"));
    original = TreeHashes.of(swarmDir);
    engine = new FakeEngine(tmp.resolve("engine"), swarmDir.getParent());
    archive = Files.copy(plainArchive, tmp.resolve("three.swarmsnap"));
  }

  @Test
  void anAutolockedBackupWithoutTheKeyOfItsTimeIsRefused() {
    archive = lockedArchive;

    assertRefused(request(archive, Optional.empty(), Optional.empty(), false, true), ExitCode.USAGE,
        "this backup is autolocked: restoring it needs the unlock key that was current at backup time");
  }

  @Test
  void anAutolockedBackupWithoutAPlaceForTheNewKeyIsRefused() {
    archive = lockedArchive;

    assertRefused(request(archive, Optional.of(key("unlock-key")), Optional.empty(), false, true), ExitCode.USAGE,
        "this backup is autolocked: the restore turns autolock back on");
  }

  @Test
  void aWrongUnlockKeyIsRefusedAndTheExtractionRemoved() {
    archive = lockedArchive;

    assertThatThrownBy(() -> restore(request(archive, Optional.of(key("unlock-key.old")), newKeyPlace(), false, true)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.getMessage()).containsIgnoringCase("key"));
    assertUntouched();
  }

  @Test
  void withTheEngineDownAndNoSwarmDirectoryNamedTheDataRootIsUnknown() {
    engine.control().stop(Duration.ofSeconds(1));
    RestoreRequest request = new RestoreRequest(archive, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), false, true, false, tmp.resolve("run"), Duration.ofMinutes(5), TargetEngine.onPath(),
        dev.swarmsnap.archive.ExtractionLimits.DEFAULT_MAX_STATE_BYTES);

    assertThatThrownBy(() -> restore(request))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
          assertThat(e.getMessage()).startsWith("the engine is not running, so its data-root");
          assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("--swarm-dir"));
        });
    assertThat(engine.count("start")).isZero();
  }

  @Test
  void aTruncatedArchiveIsRefusedAndNothingChanges() throws Exception {
    try (FileChannel file = FileChannel.open(archive, StandardOpenOption.WRITE)) {
      file.truncate(file.size() * 2 / 3);
    }

    assertThatThrownBy(() -> restore(request(archive, Optional.empty(), Optional.empty(), false, true)))
        .isInstanceOf(SwarmsnapException.class);
    assertUntouched();
  }

  @Test
  void aDryRunPrintsThePlanAndStopsNothing() {
    RestoreReport report = restore(request(archive, Optional.empty(), Optional.empty(), true, true));

    assertThat(report.dryRun()).isTrue();
    assertThat(report.plan().refusals()).isEmpty();
    assertUntouched();
  }

  @Test
  void aRestoreNobodyConfirmedChangesNothing() {
    RecordingListener declining = new RecordingListener(false);

    assertThatThrownBy(() -> service().run(request(archive, Optional.empty(), Optional.empty(), false, false),
            engine.client(), engine.control(), declining))
        .hasMessage("restore cancelled; nothing was changed");
    assertThat(declining.questions()).isEqualTo(1);
    assertUntouched();
  }

  @Test
  void aSecondSwarmsnapOnThisHostIsRefusedByTheLock() {
    try (HostLock held = HostLock.acquire(tmp.resolve("run/swarmsnap.lock"), "backup")) {
      assertRefused(request(archive, Optional.empty(), Optional.empty(), false, true), ExitCode.UNSAFE,
          "another swarmsnap is already at work on this host (backup, pid ");
    }
  }

  private void assertRefused(RestoreRequest request, ExitCode code, String message) {
    assertThatThrownBy(() -> restore(request))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(code);
          assertThat(e.getMessage()).startsWith(message);
          assertThat(e.hint()).isPresent();
        });
    assertUntouched();
  }

  private void assertUntouched() {
    assertThat(engine.calls()).doesNotContain("stop", "start", "swarmInit force");
    assertThat(engine.running()).isTrue();
    assertThat(TreeHashes.of(swarmDir)).isEqualTo(original);
    assertThat(swarmDir.getParent()).as("no extraction left").isDirectoryNotContaining(p -> !p.equals(swarmDir));
  }

  private RestoreReport restore(RestoreRequest request) {
    return service().run(request, engine.client(), engine.control(), new RecordingListener(true));
  }

  private static RestoreService service() {
    return new RestoreService(Clock.systemUTC(), new UnlockKeyReader(Map.of(), new ByteArrayInputStream(new byte[0]), null));
  }

  private RestoreRequest request(Path archive, Optional<UnlockKeySource> key,
      Optional<NewUnlockKeyDestination> newKey, boolean dryRun, boolean confirmed) {
    return new RestoreRequest(archive, Optional.of(swarmDir), key, newKey, Optional.empty(), dryRun, confirmed,
        !confirmed, tmp.resolve("run"), Duration.ofMinutes(5), TargetEngine.onPath(),
        dev.swarmsnap.archive.ExtractionLimits.DEFAULT_MAX_STATE_BYTES);
  }

  private static UnlockKeySource key(String file) {
    return new UnlockKeySource.File(RealState.resource("locked/" + file));
  }

  private Optional<NewUnlockKeyDestination> newKeyPlace() {
    return Optional.of(new NewUnlockKeyDestination.File(tmp.resolve("keys/new-unlock-key")));
  }
}
