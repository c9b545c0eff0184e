package dev.swarmsnap.core.backup;

import dev.swarmsnap.core.verify.RealState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot copier's retry decisions on a copy of a real swarm directory (fixture {@code plain}): the
 * engine's writes are played by changing the directory at the copier's pause points.
 */
@Timeout(120)
class HotCopierTest {
  private static final String WAL_DIR = "raft/wal-v3-encrypted/";
  private static final String LIVE = WAL_DIR + "0000000000000000-0000000000000000.wal";

  @TempDir Path tmp;
  private Path swarm;
  private Path staging;

  @BeforeEach
  void unpack() throws Exception {
    swarm = RealState.unpack("plain", tmp);
    staging = Files.createDirectory(tmp.resolve("staging"));
  }

  @Test
  void aQuietDirectoryIsCopiedOnceKeysFirstAndWalSegmentsOnlyToTheirData() {
    Events events = new Events();

    HotCopier.HotCopy copy = copier().copy(swarm, staging, events);

    assertThat(copy.attempts()).isEqualTo(1);
    assertThat(copy.cut()).isEmpty();
    assertThat(events.phases).containsExactly("hot-keys-copied", "hot-snapshot-copied", "hot-wal-copied");
    assertThat(Files.isRegularFile(staging.resolve("swarm/certificates/swarm-node.key"))).isTrue();
    StagedFile wal = copy.files().stream().filter(f -> f.path().equals("swarm/" + LIVE)).findFirst().orElseThrow();
    assertThat(wal.storedLength()).isPositive().isLessThanOrEqualTo(wal.originalLength());
    assertThat(copy.files().get(0).directory()).isTrue();
  }

  @Test
  void aSnapshotWrittenDuringTheCopyMakesItCopyAgain() {
    Events events = new Events().on("hot-snapshot-copied", 1, () -> write(swarm.resolve(
        "raft/snap-v3-encrypted/0000000000000002-0000000000000010.snap"), "snapshot"));

    HotCopier.HotCopy copy = copier().copy(swarm, staging, events);

    assertThat(copy.attempts()).isEqualTo(2);
    assertThat(copy.retryReasons()).containsExactly("a raft snapshot was written during the copy");
    assertThat(events.steps).anyMatch(s -> s.contains("copying again (try 2 of 5)"));
    assertThat(staging.resolve("swarm/raft/snap-v3-encrypted/0000000000000002-0000000000000010.snap")).exists();
  }

  @Test
  void aSegmentAddedDuringTheCopyMakesItCopyAgain() {
    Events events = new Events().on("hot-wal-copied", 1, () -> write(swarm.resolve(
        WAL_DIR + "0000000000000001-0000000000000100.wal"), "next segment"));

    HotCopier.HotCopy copy = copier().copy(swarm, staging, events);

    assertThat(copy.retryReasons()).containsExactly("a WAL segment was added during the copy");
    assertThat(copy.files()).anyMatch(f -> f.path().endsWith("0000000000000001-0000000000000100.wal"));
  }

  @Test
  void aSegmentRemovedBeforeOrAfterItWasCopiedMakesItCopyAgain() throws Exception {
    Path old = swarm.resolve(WAL_DIR + "0000000000000001-0000000000000100.wal");
    write(old, "");
    Path older = swarm.resolve(WAL_DIR + "0000000000000002-0000000000000200.wal");
    write(older, "");
    Events events = new Events()
        .on("hot-snapshot-copied", 1, () -> delete(old))
        .on("hot-wal-copied", 2, () -> delete(older));

    HotCopier.HotCopy copy = copier().copy(swarm, staging, events);

    assertThat(copy.attempts()).isEqualTo(3);
    assertThat(copy.retryReasons()).containsExactly(
        "raft/wal-v3-encrypted/0000000000000001-0000000000000100.wal was removed during the copy",
        "a WAL segment was removed during the copy");
    assertThat(copy.files()).noneMatch(f -> f.path().contains("0000000000000001-") || f.path().contains("0000000000000002-"));
  }

  @Test
  void aRotatedRaftKeyMakesItCopyAgain() {
    Path key = swarm.resolve("certificates/swarm-node.key");
    Events events = new Events().on("hot-wal-copied", 1, () -> rewriteHeader(key, "raft-dek", "cm90YXRlZA=="));

    HotCopier.HotCopy copy = copier().copy(swarm, staging, events);

    assertThat(copy.retryReasons()).containsExactly(
        "the raft encryption key (raft-dek in swarm-node.key) rotated during the copy");
  }

  @Test
  void aNewKekIsRefusedAtOnceBecauseTheUnlockKeyInHandIsStale() {
    Path key = swarm.resolve("certificates/swarm-node.key");
    Events events = new Events().on("hot-keys-copied", 1, () -> rewriteHeader(key, "kek-version", "7"));

    assertThatThrownBy(() -> copier().copy(swarm, staging, events))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.VERIFY_FAILED);
          assertThat(e.getMessage()).contains("kek-version").contains("no archive was written");
        });
    assertThat(events.phases).hasSize(3);
    assertThat(staging.resolve("swarm")).doesNotExist();
  }

  @Test
  void aDirectoryThatChangesOnEveryTryIsRefusedWithExitFourAndNothingStaged() {
    Events events = new Events();
    for (int n = 1; n <= 5; n++) {
      int i = n;
      events.on("hot-snapshot-copied", n, () -> write(swarm.resolve(
          "raft/snap-v3-encrypted/000000000000000" + i + "-0000000000000010.snap"), "snapshot " + i));
    }

    assertThatThrownBy(() -> copier().copy(swarm, staging, events))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.VERIFY_FAILED);
          assertThat(e.getMessage()).contains("each of 5 hot copies").contains("a raft snapshot was written");
          assertThat(e.hint().orElse("")).contains("without --hot");
        });
    assertThat(staging.resolve("swarm")).doesNotExist();
  }

  @Test
  void aTornFinalRecordIsCutOffTheCopyAndTheStagedLengthFollows() throws Exception {
    long dataEnd = new dev.swarmsnap.swarmstate.SwarmDirectoryUsage().dataFiles(swarm).stream()
        .filter(f -> f.relativePath().toString().equals(LIVE)).findFirst().orElseThrow().copyBytes();
    try (var channel = java.nio.channels.FileChannel.open(swarm.resolve(LIVE), java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {0x5a, 0x5a}), dataEnd - 12); // bytes of the last record
    }

    HotCopier.HotCopy copy = copier().copy(swarm, staging, new Events());

    assertThat(copy.cut()).isPresent();
    long kept = copy.cut().get().keptBytes();
    assertThat(copy.cut().get().droppedBytes()).isEqualTo(dataEnd - kept).isPositive();
    assertThat(Files.size(staging.resolve("swarm/" + LIVE))).isEqualTo(kept);
    StagedFile wal = copy.files().stream().filter(f -> f.path().equals("swarm/" + LIVE)).findFirst().orElseThrow();
    assertThat(wal.storedLength()).isEqualTo(kept);
  }

  @Test
  void aCopyItsCheckSendsBackIsTakenAgainWithinTheSameTries() {
    Events events = new Events();
    List<Integer> checked = new ArrayList<>();
    HotCopier.Retry lag = new HotCopier.Retry("the copy lags", "still lagging", "back up elsewhere");

    HotCopier.HotCopy copy = copier().copy(swarm, staging, events, c -> {
      checked.add(c.attempts());
      return c.attempts() < 3 ? Optional.of(lag) : Optional.empty();
    });

    assertThat(checked).containsExactly(1, 2, 3);
    assertThat(copy.attempts()).isEqualTo(3);
    assertThat(copy.retryReasons()).containsExactly("the copy lags", "the copy lags");
    assertThat(events.steps)
        .contains("the copy lags; copying again (try 2 of 5)", "the copy lags; copying again (try 3 of 5)");
    assertThat(staging.resolve("swarm/certificates/swarm-node.key")).exists();
  }

  @Test
  void aCopyItsCheckSendsBackOnEveryTryIsRefusedWithTheChecksWordsAndNothingStaged() {
    HotCopier.Retry lag =
        new HotCopier.Retry("the copy lags", "the copy still lags after every try", "back up elsewhere");

    assertThatThrownBy(() -> copier().copy(swarm, staging, new Events(), c -> Optional.of(lag)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.VERIFY_FAILED);
          assertThat(e.getMessage()).isEqualTo("the copy still lags after every try");
          assertThat(e.hint()).hasValue("back up elsewhere");
        });
    assertThat(staging.resolve("swarm")).doesNotExist();
  }

  @Test
  void aChangedDirectoryAndALaggingCopyShareTheTries() {
    Events events = new Events().on("hot-snapshot-copied", 1, () -> write(swarm.resolve(
        "raft/snap-v3-encrypted/0000000000000002-0000000000000010.snap"), "snapshot"));
    HotCopier.Retry lag = new HotCopier.Retry("the copy lags", "still lagging", "back up elsewhere");

    assertThatThrownBy(() -> new HotCopier(2, Duration.ZERO).copy(swarm, staging, events, c -> Optional.of(lag)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.getMessage()).isEqualTo("still lagging"));
    assertThat(events.phases).as("two tries in all").hasSize(6);
  }

  private static HotCopier copier() {
    return new HotCopier(5, Duration.ZERO);
  }

  /** A listener that records steps and phases and plays the engine's writes at chosen passes. */
  private static final class Events implements BackupListener {
    final List<String> phases = new ArrayList<>();
    final List<String> steps = new ArrayList<>();
    private final Map<String, Runnable> actions = new HashMap<>();
    private final Map<String, Integer> passes = new HashMap<>();

    Events on(String phase, int pass, Runnable action) {
      actions.put(phase + "#" + pass, action);
      return this;
    }

    @Override
    public void reached(String phase) {
      phases.add(phase);
      int pass = passes.merge(phase, 1, Integer::sum);
      actions.getOrDefault(phase + "#" + pass, () -> {}).run();
    }

    @Override
    public void step(String message) {
      steps.add(message);
    }

    @Override
    public void warn(String message) {}

    @Override
    public void progress(long done, long total) {}

    @Override
    public boolean confirm(List<String> warnings) {
      return false;
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Sets (or adds) one PEM header of the node key, as swarmkit rewrites it on a rotation. */
  private static void rewriteHeader(Path key, String name, String value) {
    try {
      List<String> lines = new ArrayList<>(Files.readAllLines(key, StandardCharsets.US_ASCII));
      boolean found = false;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(name + ":")) {
          lines.set(i, name + ": " + value);
          found = true;
        }
      }
      if (!found) {
        lines.add(1, name + ": " + value);
      }
      Files.write(key, lines, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
