package dev.swarmsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.core.verify.RealState;
import dev.swarmsnap.error.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices, FIFOs and links where swarmsnap expects a small file: one clear line, exit 2, at once.
 * A separate thread for the timeout, so a read that blocks on a FIFO fails instead of hanging.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class HostileInputFilesTest {
  @TempDir Path tmp;

  /** Exit code and stderr of one in-process run; stdout is not looked at. */
  private record Run(int code, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    int code = new SwarmsnapCli(new CliContext(Map.of(), new PrintWriter(Writer.nullWriter()),
        new PrintWriter(err, true), Clock.systemUTC(), false)).run(args);
    return new Run(code, err.toString());
  }

  @Test
  void verifyRefusesANodeKeyLinkedToDevZero() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path key = dir.resolve("certificates/swarm-node.key");
    Files.delete(key);
    Files.createSymbolicLink(key, Path.of("/dev/zero"));
    Run r = run("verify", dir.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains(key + " is a symbolic link").doesNotContain("Exception");
  }

  @Test
  void verifyRefusesANodeKeyThatIsAFifo() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Path key = dir.resolve("certificates/swarm-node.key");
    Files.delete(key);
    assertThat(new ProcessBuilder("mkfifo", key.toString()).start().waitFor()).isZero();
    Run r = run("verify", dir.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains(key + " is a FIFO (named pipe), not a regular file");
  }

  @Test
  void anUnlockKeyFileThatIsADeviceIsRefused() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Run r = run("verify", dir.toString(), "--unlock-key-file", "/dev/zero");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("/dev/zero is a device, not a regular file").contains("--unlock-key-file");
  }

  @Test
  void anIdentityThatIsADeviceOrADirectoryIsCalledWhatItIs() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    Run r = run("verify", dir.toString(), "--identity", "/dev/zero");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("/dev/zero is a device, not a regular file").doesNotContain("does not exist");
    r = run("verify", dir.toString(), "--identity", tmp.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains(tmp + " is a directory, not a regular file");
  }

  @Test
  void anArchiveThatIsAFifoOrADeviceIsRefusedWithoutBlocking() throws Exception {
    Path fifo = tmp.resolve("backup.swarmsnap");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Run r = run("verify", fifo.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains(fifo + " is a FIFO (named pipe), not a regular file");
    r = run("inspect", "/dev/zero");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("/dev/zero is a device, not a regular file");
  }
}
