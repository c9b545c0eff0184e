package dev.swarmsnap.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.testing.PrometheusText;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing pre hook refuses the backup before the engine is touched; the post hook and metrics see it. */
class BackupHooksTest {

  @Test
  void aFailingPreHookRefusesWithExitThreeAndThePostHookAndMetricsSayRefused(@TempDir Path dir) throws Exception {
    Path seen = dir.resolve("post.env");
    Path metrics = dir.resolve("swarmsnap.prom");
    Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "SWARM_KEY", "SWMKEY-1-notreal");

    Swarmsnap.Run run = Swarmsnap.run(env, "backup", "-H", "unix://" + dir.resolve("no-engine.sock"),
        "--output", dir.toString(), "--unlock-key-env", "SWARM_KEY",
        "--hook-pre", "echo 'maintenance window closed' >&2; exit 1",
        "--hook-post", "env | grep -e '^SWARMSNAP_' -e SWMKEY > " + seen,
        "--metrics-file", metrics.toString());

    assertThat(run.code()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.err()).contains("refusing to back up: the pre hook").contains("maintenance window closed")
        .doesNotContain("cannot reach");
    List<String> lines = Files.readAllLines(seen);
    assertThat(lines).contains("SWARMSNAP_RESULT=refused", "SWARMSNAP_EXIT_CODE=3", "SWARMSNAP_HOOK=post")
        .noneMatch(l -> l.contains("SWMKEY"));
    PrometheusText.assumeParser();
    List<PrometheusText.Sample> samples = PrometheusText.parse(metrics);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_result", "result", "refused")).contains(1.0);
    assertThat(PrometheusText.value(samples, "swarmsnap_last_exit_code")).contains(3.0);
  }
}
