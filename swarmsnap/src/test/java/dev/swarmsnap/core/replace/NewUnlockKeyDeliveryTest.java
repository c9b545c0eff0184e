package dev.swarmsnap.core.replace;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class NewUnlockKeyDeliveryTest {
  @TempDir Path tmp;

  @Test
  void aDanglingLinkWhereTheNewKeyGoesCountsAsExisting() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("new.key"), tmp.resolve("nowhere/elsewhere.key"));
    assertThatThrownBy(() -> new NewUnlockKeyDelivery().checkUsable(new NewUnlockKeyDestination.File(link)))
        .isInstanceOfSatisfying(SwarmsnapException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.exitCode()).isEqualTo(ExitCode.CONFLICT))
        .hasMessageContaining(link + " already exists");
  }
}
