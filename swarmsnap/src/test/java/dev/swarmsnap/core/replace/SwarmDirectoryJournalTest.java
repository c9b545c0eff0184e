package dev.swarmsnap.core.replace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.engine.process.SwapJournal;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The swap's renames, and the journal that says before each one what is where. */
@Timeout(30)
class SwarmDirectoryJournalTest {
  @TempDir Path dir;
  private Path swarm;
  private Path aside;
  private Path incoming;
  private Path failed;
  private SwarmDirectorySwap swap;

  @BeforeEach
  void layOut() throws Exception {
    swarm = dir.resolve("swarm");
    aside = dir.resolve("swarm.before-restore-1");
    incoming = dir.resolve(".staging/swarm");
    failed = dir.resolve("swarm.failed-restore-1");
    Files.createDirectories(swarm);
    Files.writeString(swarm.resolve("state"), "original");
    Files.createDirectories(incoming);
    Files.writeString(incoming.resolve("state"), "restored");
    swap = new SwarmDirectorySwap("restore", swarm, aside, incoming, failed);
  }

  @Test
  void eachRenameIsAnnouncedInTheJournalBeforeItHappens() {
    List<String> seen = new ArrayList<>();

    swap.swap(phase -> seen.add(phase + ":" + SwapJournal.find(swarm).map(SwapJournal::step).orElse("none")
        + ":" + Files.exists(swarm) + Files.exists(aside) + Files.exists(incoming)));

    assertThat(seen).containsExactly(
        "swap-aside:aside:truefalsetrue", "swap-in:in:falsetruetrue", "swapped:placed:truetruefalse");
    assertThat(SwapJournal.find(swarm)).map(SwapJournal::originalExisted).contains(true);
  }

  @Test
  void aCommitEndsTheJournalAndKeepsTheNewState() throws Exception {
    swap.swap();

    swap.commit();

    assertThat(SwapJournal.find(swarm)).isEmpty();
    assertThat(Files.readString(swarm.resolve("state"))).isEqualTo("restored");
    assertThat(Files.readString(aside.resolve("state"))).isEqualTo("original");
  }

  @Test
  void anUndoPutsTheOriginalBackAndEndsTheJournal() throws Exception {
    swap.swap();

    swap.undo();

    assertThat(SwapJournal.find(swarm)).isEmpty();
    assertThat(Files.readString(swarm.resolve("state"))).isEqualTo("original");
    assertThat(Files.readString(failed.resolve("state"))).isEqualTo("restored");
  }

  @Test
  void aJournalLeftBehindMakesTheNextRunRefuseAndSayWhatIsWhere() {
    assertThatThrownBy(() -> swap.swap(phase -> {
      if (phase.equals("swap-in")) {
        throw new IllegalStateException("killed between the renames");
      }
    })).hasMessageContaining("killed");

    assertThatThrownBy(() -> SwapJournal.refuseIfPresent(swarm))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE);
          assertThat(e.getMessage()).contains("an interrupted restore (pid " + ProcessHandle.current().pid() + ")")
              .contains("the previous swarm directory is at " + aside + " and none is in place");
          assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("mv " + aside + " " + swarm));
        });
  }

  @Test
  void withoutAJournalTheNextRunGoesOn() {
    SwapJournal.refuseIfPresent(swarm);
  }
}
