package dev.swarmsnap.core.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Working directories of killed restores are removed by the next one; others are left alone. */
@Timeout(60)
class RestoreStagingTest {
  @TempDir Path tmp;

  @Test
  void createdDirectoryNamesThisProcessAsItsOwner() throws IOException {
    RestoreStaging staging = RestoreStaging.create(tmp.resolve("swarm"), "20261206T230000Z");
    assertThat(staging.directory()).isEqualTo(tmp.resolve(".swarmsnap-restore-20261206T230000Z"));
    assertThat(staging.extraction()).isEqualTo(staging.directory().resolve("archive"));
    assertThat(Files.readString(staging.directory().resolve("owner")))
        .startsWith("pid " + ProcessHandle.current().pid() + "\nstarted ");
    assertThat(RestoreStaging.removeAbandoned(tmp.resolve("swarm"))).isEmpty();
    assertThat(staging.directory()).isDirectory();
  }

  @Test
  void aDirectoryWhoseOwnerIsGoneIsRemovedWithOneLine() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path left = abandoned("20261206T220000Z", "pid " + gone.pid() + "\nstarted 2026-12-06T22:00:00Z\n");
    Files.write(Files.createDirectories(left.resolve("archive/swarm")).resolve("big"), new byte[4096]);

    List<String> said = RestoreStaging.removeAbandoned(tmp.resolve("swarm"));

    assertThat(left).doesNotExist();
    assertThat(said).singleElement().asString()
        .contains("removed " + left).contains("pid " + gone.pid()).contains("no longer runs");
  }

  @Test
  void theSamePidWithAnotherStartTimeIsAnotherProcess() throws IOException {
    Path left = abandoned("20261206T220000Z", "pid " + ProcessHandle.current().pid() + "\nstarted 2001-01-01T00:00:00Z\n");
    assertThat(RestoreStaging.removeAbandoned(tmp.resolve("swarm"))).hasSize(1);
    assertThat(left).doesNotExist();
  }

  @Test
  void directoriesWithoutAnOwnerFileOrOfOtherNamesAreLeftAlone() throws IOException {
    Path unowned = Files.createDirectory(tmp.resolve(".swarmsnap-restore-20261206T210000Z"));
    Path garbled = abandoned("20261206T200000Z", "pid banana\n");
    Path other = Files.createDirectory(tmp.resolve("swarm.before-restore-20261206T210000Z"));
    Files.writeString(other.resolve("owner"), "pid 999999999\nstarted 2001-01-01T00:00:00Z\n");

    assertThat(RestoreStaging.removeAbandoned(tmp.resolve("swarm"))).isEmpty();
    assertThat(unowned).isDirectory();
    assertThat(garbled).isDirectory();
    assertThat(other).isDirectory();
  }

  private Path abandoned(String stamp, String owner) throws IOException {
    Path dir = Files.createDirectory(tmp.resolve(".swarmsnap-restore-" + stamp));
    Files.writeString(dir.resolve("owner"), owner);
    return dir;
  }
}
