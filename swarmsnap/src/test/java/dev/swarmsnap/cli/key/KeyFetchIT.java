package dev.swarmsnap.cli.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code key fetch} from a real autolocked manager. */
@LabSwarm(managers = 1, workers = 0, autolock = true, sampleObjects = false)
@Timeout(180)
class KeyFetchIT {

  @Test
  void toAFileWithOwnerOnlyMode(Lab lab, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("swarm.key");
    Swarmsnap.Run run = Swarmsnap.on(lab.node("m1"), "key", "fetch", "--to-file", file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.readString(file).strip()).isEqualTo(lab.unlockKey().orElseThrow());
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(run.out() + run.err()).doesNotContain(lab.unlockKey().orElseThrow());
  }

  @Test
  void toACommandsStdin(Lab lab, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("from-cmd");
    Swarmsnap.Run run = Swarmsnap.on(lab.node("m1"), "key", "fetch", "--to-cmd", "cat > " + file);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.readString(file).strip()).isEqualTo(lab.unlockKey().orElseThrow());
  }

  @Test
  void aFailingCommandSaysSoAndTheKeyIsStillThere(Lab lab) {
    Swarmsnap.Run failed = Swarmsnap.on(lab.node("m1"), "key", "fetch", "--to-cmd", "cat >/dev/null; exit 3");

    assertThat(failed.code()).isEqualTo(ExitCode.FAILED.code());
    assertThat(failed.err()).contains("failed (exit 3)").contains("still readable from the engine");
    assertThat(failed.out() + failed.err()).doesNotContain(lab.unlockKey().orElseThrow());

    Swarmsnap.Run shown = Swarmsnap.on(lab.node("m1"), "key", "fetch", "--show");
    assertThat(shown.code()).isZero();
    assertThat(shown.out().strip()).isEqualTo(lab.unlockKey().orElseThrow());
  }
}
