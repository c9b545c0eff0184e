package dev.swarmsnap.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingDirectoryTest {
  @TempDir Path dir;

  @Test
  void stagingIsPrivateAndBesideTheTarget() throws IOException {
    try (StagingDirectory staging = StagingDirectory.createNextTo(dir.resolve("backup.swarmsnap"))) {
      assertThat(staging.path().getParent()).isEqualTo(dir);
      assertThat(staging.path().getFileName().toString()).startsWith(".backup.swarmsnap.staging-");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staging.path())))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void closeRemovesTheTreeButNeverFollowsSymlinksOutOfIt() throws IOException {
    Path outside = Files.createDirectory(dir.resolve("outside"));
    Path precious = Files.writeString(outside.resolve("precious"), "keep me");
    Path stagingPath;
    try (StagingDirectory staging = StagingDirectory.createNextTo(dir.resolve("t"))) {
      stagingPath = staging.path();
      Path sub = Files.createDirectories(staging.path().resolve("a/b"));
      Files.writeString(sub.resolve("f"), "x");
      Files.createSymbolicLink(staging.path().resolve("link-to-dir"), outside);
      Files.createSymbolicLink(sub.resolve("link-to-file"), precious);
      Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-x------"));
    }
    assertThat(stagingPath).doesNotExist();
    assertThat(precious).hasContent("keep me");
  }

  @Test
  void keptStagingSurvivesClose() {
    Path kept;
    try (StagingDirectory staging = StagingDirectory.createNextTo(dir.resolve("t"))) {
      kept = staging.keep();
    }
    assertThat(kept).isDirectory();
  }

  @Test
  void removerRefusesARootThatIsASymlink() throws IOException {
    Path real = Files.createDirectory(dir.resolve("real"));
    Files.writeString(real.resolve("f"), "x");
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    assertThatThrownBy(() -> new TreeRemover().removeTree(link))
        .isInstanceOf(DurableWriteException.class)
        .hasMessageContaining("symbolic link");
    assertThat(real.resolve("f")).exists();
  }
}
