package dev.swarmsnap.core.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HookEnvironmentTest {
  private static final Map<String, String> PROCESS = Map.of(
      "PATH", "/usr/bin:/bin",
      "SWARM_KEY", "SWMKEY-1-secret",
      "MY_KEY_VAR", "not a key but named as the key source",
      "OTHER", "contains SWMKEY-1-abc inside");

  @Test
  void keysNeverReachAHook() {
    Map<String, String> env = new HookEnvironment(PROCESS, Set.of("MY_KEY_VAR")).pre(Optional.empty());

    assertThat(env).containsEntry("PATH", "/usr/bin:/bin").containsEntry("SWARMSNAP_HOOK", "pre")
        .doesNotContainKeys("SWARM_KEY", "MY_KEY_VAR", "OTHER");
    assertThat(String.join(" ", env.values())).doesNotContain("SWMKEY");
  }

  @Test
  void aSuccessfulRunTellsThePostHookWhatWasWritten() {
    RunOutcome outcome = new RunOutcome(RunResult.SUCCESS, ExitCode.OK, Instant.parse("2026-11-25T03:00:00Z"),
        Instant.parse("2026-11-25T03:00:12.250Z"), Optional.of(Reports.of("/b/a.swarmsnap", 777)), Optional.empty());

    Map<String, String> env = new HookEnvironment(PROCESS, Set.of()).post(outcome, Optional.of(Path.of("/m.prom")));

    assertThat(env).containsEntry("SWARMSNAP_HOOK", "post")
        .containsEntry("SWARMSNAP_RESULT", "success")
        .containsEntry("SWARMSNAP_EXIT_CODE", "0")
        .containsEntry("SWARMSNAP_ARCHIVE", "/b/a.swarmsnap")
        .containsEntry("SWARMSNAP_ARCHIVE_BYTES", "777")
        .containsEntry("SWARMSNAP_CLUSTER_ID", "cluster1")
        .containsEntry("SWARMSNAP_NODE_ID", "node1")
        .containsEntry("SWARMSNAP_HOSTNAME", "m2")
        .containsEntry("SWARMSNAP_DURATION_SECONDS", "12.250")
        .containsEntry("SWARMSNAP_DOWNTIME_SECONDS", "1.500")
        .containsEntry("SWARMSNAP_METRICS_FILE", "/m.prom")
        .doesNotContainKey("SWARMSNAP_MESSAGE");
  }

  @Test
  void aRefusedRunCarriesItsMessageOnOneLine() {
    RunOutcome outcome = new RunOutcome(RunResult.REFUSED, ExitCode.UNSAFE, Instant.EPOCH, Instant.EPOCH,
        Optional.empty(), Optional.of("refusing to back up:\nquorum"));

    Map<String, String> env = new HookEnvironment(PROCESS, Set.of()).post(outcome, Optional.empty());

    assertThat(env).containsEntry("SWARMSNAP_RESULT", "refused").containsEntry("SWARMSNAP_EXIT_CODE", "3")
        .containsEntry("SWARMSNAP_MESSAGE", "refusing to back up: quorum")
        .doesNotContainKeys("SWARMSNAP_ARCHIVE", "SWARMSNAP_METRICS_FILE");
  }
}
