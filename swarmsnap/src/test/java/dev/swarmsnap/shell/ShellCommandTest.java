package dev.swarmsnap.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ShellCommandTest {
  private final ShellCommand shell = new ShellCommand();

  @Test
  void aChildThatWritesMoreThanAPipeBufferBeforeReadingItsInputDoesNotDeadlock() {
    byte[] input = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);

    ShellCommand.Result result =
        shell.shWithStdin("head -c 300000 /dev/zero | tr '\\0' a >/dev/null; wc -c", input, Duration.ofSeconds(20));

    assertThat(result.timedOut()).isFalse();
    assertThat(result.output().trim()).isEqualTo(String.valueOf(1 << 20));
  }

  @Test
  void multiByteCharactersAcrossReadBoundariesStayWhole() {
    ShellCommand.Result result = shell.sh("for i in $(seq 1 20000); do printf 'é'; done", Duration.ofSeconds(20));

    assertThat(result.output()).isEqualTo("é".repeat(20_000));
  }

  @Test
  void aCommandThatOutlivesItsTimeoutIsEndedWithWhatItStartedAndSaysSo() {
    ShellCommand.Result result = shell.sh("sleep 30 & sleep 30; wait", Duration.ofMillis(300));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void exactlyTheGivenEnvironmentAndNothingInherited() {
    ShellCommand.Result result = shell.sh("echo \"${HOME:-unset} $ONLY\"", Map.of("ONLY", "this"), Duration.ofSeconds(10));

    assertThat(result.output().trim()).isEqualTo("unset this");
  }

  @Test
  void outputIsBoundedButTheChildIsDrained() {
    ShellCommand.Result result = shell.sh("head -c 10000000 /dev/zero | tr '\\0' a", Duration.ofSeconds(20));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.output()).hasSize(64 * 1024);
  }

  @Test
  void aMissingProgramIsExitCode127WithAReason() {
    ShellCommand.Result result = shell.run(java.util.List.of("/nonexistent/program"), Duration.ofSeconds(5));

    assertThat(result.exitCode()).isEqualTo(127);
    assertThat(result.output()).contains("cannot run /nonexistent/program");
  }
}
