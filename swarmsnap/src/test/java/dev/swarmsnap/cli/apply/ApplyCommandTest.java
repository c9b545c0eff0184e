package dev.swarmsnap.cli.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What {@code apply} refuses before it reads the source or asks the engine anything. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApplyCommandTest {
  @TempDir Path dir;

  private Swarmsnap.Run apply(String... args) {
    // An engine socket that does not exist: reaching it would fail with exit 5, not 2.
    Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + dir.resolve("none.sock"));
    String[] command = new String[args.length + 1];
    command[0] = "apply";
    System.arraycopy(args, 0, command, 1, args.length);
    return Swarmsnap.run(env, command);
  }

  @Test
  void anUnknownExistingPolicy_isBadInput() {
    Swarmsnap.Run run = apply(dir.resolve("doc.json").toString(), "--existing", "replace");

    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("--existing must be fail, skip or update");
  }

  @Test
  void aSelectorOfAnUnknownKind_isBadInput() {
    Swarmsnap.Run run = apply(dir.resolve("doc.json").toString(), "--only", "volume/data");

    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("unknown object kind 'volume'");
  }

  @Test
  void rotateInUseWithoutExistingUpdate_isBadInput() {
    Swarmsnap.Run run = apply(dir.resolve("doc.json").toString(), "--rotate-in-use");

    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("--rotate-in-use and --rotate-secret work only with --existing update");
  }
}
