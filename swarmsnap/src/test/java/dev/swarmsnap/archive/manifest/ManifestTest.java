package dev.swarmsnap.archive.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestTest {
  private static final FileMode MODE = FileMode.parse("0600");

  @Test
  void storedLengthMayNotExceedTheOriginal() {
    assertThatThrownBy(() -> ManifestFile.file("swarm/x", MODE, 0, 0, 10, 11, ManifestFixtures.someHash()))
        .hasMessageContaining("stored length 11");
  }

  @Test
  void pathsMustBeRelativeAndUnderSwarmOrApi() {
    for (String bad : List.of("/swarm/x", "swarm/../x", "swarm//x", "swarm/./x", "etc/passwd", "swarm/x/", "swarm/a\\b", "swarm/\n")) {
      assertThatThrownBy(() -> ManifestFile.file(bad, MODE, 0, 0, 1, 1, ManifestFixtures.someHash()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(ManifestFile.directory("swarm", FileMode.parse("700"), 0, 0).path()).isEqualTo("swarm");
  }

  @Test
  void duplicatePathsAreRejected() {
    ManifestFile f = ManifestFile.file("swarm/x", MODE, 0, 0, 1, 1, ManifestFixtures.someHash());
    assertThatThrownBy(() -> ManifestFixtures.manifest(List.of(f, f))).hasMessageContaining("listed twice");
  }

  @Test
  void theUnlockKeyItselfCanNeverBeStored() {
    assertThatThrownBy(
            () -> new LockFacts(true, Optional.of("SWMKEY-1-FJYn6m3lb5chRgV07zs4K/Qpc/UDLRuNlOn++3DYTMI"), Optional.empty()))
        .hasMessageContaining("never stored")
        .hasMessageNotContaining("SWMKEY-1-");
  }

  @Test
  void modesAreOctalAndLimitedToPermissionBits() {
    assertThat(FileMode.parse("0640").bits()).isEqualTo(0640);
    assertThat(FileMode.of(FileMode.parse("0751").toPermissions())).isEqualTo(FileMode.parse("0751"));
    assertThatThrownBy(() -> FileMode.parse("4755")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileMode.parse("rw")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void totalsSumTheFiles() {
    Manifest m =
        ManifestFixtures.manifest(
            List.of(
                ManifestFile.file("swarm/a", MODE, 0, 0, 64_000_000, 4096, ManifestFixtures.someHash()),
                ManifestFile.file("api/b.json", MODE, 0, 0, 10, 10, ManifestFixtures.someHash())));
    assertThat(m.totalStoredBytes()).isEqualTo(4106);
    assertThat(m.totalOriginalBytes()).isEqualTo(64_000_010);
  }

  @Test
  void olderFormatIsRefused() {
    assertThat(FormatVersion.CURRENT.requireReadable()).isEqualTo(FormatVersion.CURRENT);
    assertThatThrownBy(() -> FormatVersion.of(7).requireReadable())
        .hasMessage("archive format 7 is newer than this swarmsnap understands (1); upgrade swarmsnap");
  }
}
