package dev.swarmsnap.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CommandRunnerTest {
  private final CommandRunner runner = new CommandRunner();

  @Test
  void killsACommandThatOutlivesItsTimeout() {
    CommandResult result = runner.run(List.of("sleep", "30"), Duration.ofMillis(200));
    assertThat(result.timedOut()).isTrue();
    assertThat(result.ok()).isFalse();
    assertThat(result.reason()).startsWith("timed out");
  }

  @Test
  void feedsStdinAndCapturesBothStreams() {
    CommandResult result =
        runner.run(
            List.of("sh", "-c", "cat; echo oops >&2; exit 3"),
            Duration.ofSeconds(10),
            "hello".getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(result.stdout()).isEqualTo("hello");
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.reason()).isEqualTo("oops (exit status 3)");
  }

  @Test
  void aChildThatWritesMoreThanAPipeBufferBeforeReadingItsInputDoesNotDeadlock() {
    byte[] input = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);

    CommandResult result = runner.run(
        List.of("sh", "-c", "head -c 300000 /dev/zero | tr '\\0' a; wc -c"), Duration.ofSeconds(20), input, Map.of());

    assertThat(result.timedOut()).isFalse();
    assertThat(result.stdout()).startsWith("aaaa").endsWith((1 << 20) + "\n");
  }

  @Test
  void multiByteCharactersAcrossReadBoundariesStayWhole() {
    String expected = "é".repeat(20_000);

    CommandResult result = runner.run(List.of("sh", "-c", "for i in $(seq 1 20000); do printf 'é'; done"),
        Duration.ofSeconds(20), null, Map.of());

    assertThat(result.stdout()).isEqualTo(expected);
  }

  @Test
  void theDockerCliCannotBeRedirectedByTheCallersEnvironmentButExtraVariablesArrive() {
    CommandResult result = runner.run(List.of("sh", "-c", "echo \"${DOCKER_CONTEXT:-none} $EXTRA\""),
        Duration.ofSeconds(10), null, Map.of("EXTRA", "yes"));

    assertThat(result.stdout().trim()).endsWith("yes");
  }
}
