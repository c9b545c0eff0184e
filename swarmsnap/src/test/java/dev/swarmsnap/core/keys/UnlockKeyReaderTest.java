package dev.swarmsnap.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Timeout(60)
class UnlockKeyReaderTest {
  // A throw-away key from the worked example of docs/swarm-state-format.md §6, not a real swarm's.
  private static final String KEY = "SWMKEY-1-FJYn6m3lb5chRgV07zs4K/Qpc/UDLRuNlOn++3DYTMI";

  private final UnlockKeyReader reader = new UnlockKeyReader(
      Map.of("SWARM_KEY", KEY, "EMPTY", ""),
      new ByteArrayInputStream((KEY + "\nrest\n").getBytes(StandardCharsets.UTF_8)),
      null);

  @Test
  void readsFromAFileTrimmingTheNewline(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("key"), KEY + "\n");
    assertThat(new String(reader.read(new UnlockKeySource.File(file)))).isEqualTo(KEY);
  }

  @Test
  void readsFromTheEnvironment() {
    assertThat(new String(reader.read(new UnlockKeySource.Env("SWARM_KEY")))).isEqualTo(KEY);
  }

  @Test
  void readsTheFirstLineOfStdin() {
    assertThat(new String(reader.read(new UnlockKeySource.Stdin()))).isEqualTo(KEY);
  }

  @Test
  void readsTheStdoutOfACommand() {
    assertThat(new String(reader.read(new UnlockKeySource.Command("echo " + KEY)))).isEqualTo(KEY);
  }

  @Test
  void aFailingCommandIsAClearErrorWithoutItsOutput() {
    assertThatThrownBy(() -> reader.read(new UnlockKeySource.Command("echo " + KEY + "; exit 3")))
        .isInstanceOf(SwarmsnapException.class)
        .hasMessageContaining("exit 3");
  }

  @Test
  void somethingThatIsNotAKeyIsRefusedWithoutEchoingIt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("key"), "hunter2");
    assertThatThrownBy(() -> reader.read(new UnlockKeySource.File(file)))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .message().doesNotContain("hunter2");
  }

  @Test
  void missingSourcesSayWhich(@TempDir Path dir) {
    assertThatThrownBy(() -> reader.read(new UnlockKeySource.Env("EMPTY"))).hasMessageContaining("EMPTY");
    assertThatThrownBy(() -> reader.read(new UnlockKeySource.File(dir.resolve("none")))).hasMessageContaining("none");
    assertThatThrownBy(() -> reader.read(new UnlockKeySource.Prompt())).hasMessageContaining("no terminal");
  }

  @Test
  void aKeyFileThatIsADeviceIsRefusedNotReadForever() {
    assertThatThrownBy(() -> reader.read(new UnlockKeySource.File(Path.of("/dev/zero"))))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage("/dev/zero is a device, not a regular file");
  }

  @Test
  void endlessStdinWithoutALineEndIsRefusedAfterOneMebibyte() {
    InputStream zeros = new InputStream() {
      @Override
      public int read() {
        return 0;
      }
    };
    UnlockKeyReader fromZeros = new UnlockKeyReader(Map.of(), zeros, null);
    assertThatThrownBy(() -> fromZeros.read(new UnlockKeySource.Stdin()))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("more than 1 MiB without a line end");
  }
}
