package dev.swarmsnap.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The watchdog's view of docker.service, through a stand-in {@code systemctl} that reports a given
 * unit state: "deactivating" is a daemon still shutting down, never a stopped engine.
 */
@Timeout(30)
class SystemdEngineControlTest {
  private final SystemdEngineControl control = new SystemdEngineControl();
  @TempDir Path bin;

  @ParameterizedTest
  @CsvSource({"active,true,true", "activating,true,false", "deactivating,true,false", "reloading,true,true",
      "inactive,false,false", "failed,false,false"})
  void eachUnitStateIsADaemonProcessOrNotAndServingOrNot(String state, boolean process, boolean serving)
      throws Exception {
    fakeSystemctl(state);

    assertThat(exitsZero(control.runningCheckCommandLine())).as("a daemon process exists").isEqualTo(process);
    assertThat(exitsZero(control.readyCheckCommandLine().orElseThrow())).as("it serves").isEqualTo(serving);
  }

  @Test
  void systemdEndsAHungDaemonItselfSoThereIsNoKillCommand() {
    assertThat(control.killCommandLine()).isEmpty();
  }

  private void fakeSystemctl(String state) throws Exception {
    Path systemctl = bin.resolve("systemctl");
    // Like systemctl is-active: prints the state, exit 0 only for active and reloading; --quiet prints nothing.
    Files.writeString(systemctl, "#!/bin/sh\n[ \"$2\" = --quiet ] || echo " + state + "\n"
        + "case " + state + " in active|reloading) exit 0;; *) exit 3;; esac\n");
    Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwx------"));
  }

  private boolean exitsZero(String commandLine) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", commandLine).redirectErrorStream(true);
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return process.exitValue() == 0;
  }
}
