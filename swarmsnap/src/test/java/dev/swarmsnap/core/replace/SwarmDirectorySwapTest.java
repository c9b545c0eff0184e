package dev.swarmsnap.core.replace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.testing.TreeHashes;
import dev.swarmsnap.testing.fakes.FaultyMover;
import dev.swarmsnap.testing.fakes.ToolKilled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The two renames of a swap and their undo, with a rename failing or the tool dying between them. */
@Timeout(10)
class SwarmDirectorySwapTest {
  @TempDir Path tmp;
  private Path swarmDir;
  private Path aside;
  private Path restored;
  private Path failed;
  private Map<String, String> before;
  private Map<String, String> incoming;
  private final FaultyMover mover = new FaultyMover();

  @BeforeEach
  void setUp() throws IOException {
    swarmDir = tree(tmp.resolve("swarm"), "state of the node before");
    restored = tree(tmp.resolve(".swarmsnap-restore-T"), "state from the backup");
    aside = tmp.resolve("swarm.before-restore-T");
    failed = tmp.resolve("swarm.failed-restore-T");
    before = TreeHashes.of(swarmDir);
    incoming = TreeHashes.of(restored);
  }

  @Test
  void theOldDirectoryGoesAsideTheRestoredOneInAndUndoPutsThemBack() {
    SwarmDirectorySwap swap = swap();

    swap.swap();
    assertThat(TreeHashes.of(swarmDir)).isEqualTo(incoming);
    assertThat(TreeHashes.of(aside)).isEqualTo(before);
    assertThat(swap.movedAside()).isTrue();

    assertThat(swap.undo()).isEqualTo("the restored state was moved to " + failed
        + "; the previous swarm directory is back at " + swarmDir);
    assertThat(TreeHashes.of(swarmDir)).isEqualTo(before);
    assertThat(TreeHashes.of(failed)).isEqualTo(incoming);
    assertThat(aside).doesNotExist();
  }

  @Test
  void aFailedFirstRenameChangesNothingAndUndoSaysSo() {
    mover.failOn(1);
    SwarmDirectorySwap swap = swap();

    assertThatThrownBy(swap::swap)
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("cannot rename " + swarmDir + " to " + aside + ": " + swarmDir
              + " -> " + aside + ": Read-only file system");
          assertThat(e.hint()).hasValue("both must be on one filesystem and writable; nothing else was changed by this step");
        });
    assertThat(swap.undo()).isEqualTo("the swarm directory at " + swarmDir + " was not changed");
    assertThat(TreeHashes.of(swarmDir)).isEqualTo(before);
    assertThat(TreeHashes.of(restored)).isEqualTo(incoming);
    assertThat(mover.done()).isEmpty();
  }

  @Test
  void aFailedSecondRenameLeavesTheOldDirectoryAsideAndUndoPutsItBack() {
    mover.failOn(2);
    SwarmDirectorySwap swap = swap();

    assertThatThrownBy(swap::swap).hasMessageStartingWith("cannot rename " + restored + " to " + swarmDir);
    assertThat(swarmDir).doesNotExist();
    assertThat(TreeHashes.of(aside)).isEqualTo(before);

    assertThat(swap.undo()).isEqualTo("the previous swarm directory is back at " + swarmDir);
    assertThat(TreeHashes.of(swarmDir)).isEqualTo(before);
    assertThat(TreeHashes.of(restored)).as("left for the caller to remove").isEqualTo(incoming);
    assertThat(failed).doesNotExist();
  }

  @Test
  void aToolKilledBetweenTheRenamesLosesNothing() {
    mover.killBefore(2);

    assertThatThrownBy(swap()::swap).isInstanceOf(ToolKilled.class);

    // What the watchdog's restart finds: no swarm directory (the engine starts outside the swarm),
    // the previous one whole under its timestamped name, the restored one whole where it was made.
    assertThat(swarmDir).doesNotExist();
    assertThat(TreeHashes.of(aside)).isEqualTo(before);
    assertThat(TreeHashes.of(restored)).isEqualTo(incoming);
    assertThat(mover.done()).containsExactly("swarm -> swarm.before-restore-T");
  }

  @Test
  void withoutAPreviousDirectoryOnlyTheRestoredOneMovesAndUndoLeavesNone() throws IOException {
    Files.move(swarmDir, tmp.resolve("elsewhere"));
    SwarmDirectorySwap swap = swap();

    swap.swap();
    assertThat(swap.movedAside()).isFalse();
    assertThat(aside).doesNotExist();

    assertThat(swap.undo()).isEqualTo("the restored state was moved to " + failed
        + "; there was no swarm directory before, so none is in place");
    assertThat(swarmDir).doesNotExist();
  }

  private SwarmDirectorySwap swap() {
    return new SwarmDirectorySwap("restore", swarmDir, aside, restored, failed, mover);
  }

  private static Path tree(Path dir, String content) throws IOException {
    Files.createDirectories(dir.resolve("raft/wal-v3-encrypted"));
    Files.createDirectories(dir.resolve("certificates"));
    Files.writeString(dir.resolve("raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal"), content);
    Files.writeString(dir.resolve("certificates/swarm-node.key"), "key: " + content);
    Files.writeString(dir.resolve("docker-state.json"), "{}");
    return dir;
  }
}
