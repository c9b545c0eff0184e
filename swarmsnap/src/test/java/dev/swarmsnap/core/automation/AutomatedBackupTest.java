package dev.swarmsnap.core.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.core.backup.BackupReport;
import dev.swarmsnap.core.schedule.Designation;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.engine.ManagerStatus;
import dev.swarmsnap.engine.NodeRole;
import dev.swarmsnap.engine.SwarmNode;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.metrics.PreviousMetrics;
import dev.swarmsnap.metrics.PrometheusTextFile;
import dev.swarmsnap.shell.ShellCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutomatedBackupTest {
  @TempDir Path dir;

  private final List<String> log = new ArrayList<>();
  private final AtomicInteger backups = new AtomicInteger();
  private final AutomatedBackup automated = new AutomatedBackup(Clock.systemUTC(), new HookRunner(new ShellCommand()),
      new HookEnvironment(Map.of("PATH", "/usr/bin:/bin", "SWARM_KEY", "SWMKEY-1-x"), Set.of()),
      new PrometheusTextFile(new AtomicFileWriter()));

  @Test
  void aSuccessfulBackupRunsBothHooksAndWritesMetrics() throws Exception {
    Path seen = dir.resolve("post.env");
    AutomationSettings settings = settings("echo preparing", "env > " + seen);

    RunOutcome outcome = automated.run(settings, Optional.empty(), backup(), log::add);

    assertThat(outcome.result()).isEqualTo(RunResult.SUCCESS);
    assertThat(backups).hasValue(1);
    assertThat(log).contains("hook-pre: preparing");
    Properties env = env(seen);
    assertThat(env).containsEntry("SWARMSNAP_RESULT", "success").containsEntry("SWARMSNAP_ARCHIVE", "/b/a.swarmsnap")
        .containsEntry("SWARMSNAP_EXIT_CODE", "0").doesNotContainKey("SWARM_KEY");
    assertThat(new PreviousMetrics().setLabel(dir.resolve("m.prom"), "swarmsnap_last_result", "result")).contains("success");
  }

  @Test
  void aFailingPreHookRefusesTheBackupAndThePostHookSeesRefused() throws Exception {
    Path seen = dir.resolve("post.env");

    assertThatThrownBy(() -> automated.run(settings("echo disk almost full >&2; exit 4", "env > " + seen),
            Optional.empty(), backup(), log::add))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE);
          assertThat(e.getMessage()).contains("pre hook").contains("exited 4").contains("disk almost full");
        });
    assertThat(backups).hasValue(0);
    assertThat(env(seen)).containsEntry("SWARMSNAP_RESULT", "refused").containsEntry("SWARMSNAP_EXIT_CODE", "3")
        .doesNotContainKey("SWARMSNAP_ARCHIVE");
    assertThat(new PreviousMetrics().setLabel(dir.resolve("m.prom"), "swarmsnap_last_result", "result")).contains("refused");
  }

  @Test
  void aPreHookThatHangsIsEndedAndRefuses() {
    AutomationSettings settings = new AutomationSettings(Optional.of(new Hook("sleep 30", Duration.ofSeconds(1))),
        Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> automated.run(settings, Optional.empty(), backup(), log::add))
        .hasMessageContaining("did not finish within 1 s");
    assertThat(backups).hasValue(0);
  }

  @Test
  void aFailedBackupKeepsItsExceptionAndThePostHookStillRuns() throws Exception {
    Path seen = dir.resolve("post.env");
    Supplier<BackupReport> failing = () -> {
      throw new SwarmsnapException(ExitCode.ENGINE_UNREACHABLE, "engine gone", "start it");
    };

    assertThatThrownBy(() -> automated.run(settings(null, "env > " + seen), Optional.empty(), failing, log::add))
        .hasMessage("engine gone");
    assertThat(env(seen)).containsEntry("SWARMSNAP_RESULT", "failed").containsEntry("SWARMSNAP_EXIT_CODE", "5")
        .containsEntry("SWARMSNAP_MESSAGE", "engine gone");
  }

  @Test
  void aFailingPostHookAfterASuccessfulBackupFailsTheRunNamingTheArchive() {
    assertThatThrownBy(() -> automated.run(settings(null, "exit 9"), Optional.empty(), backup(), log::add))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
          assertThat(e.getMessage()).contains("the backup succeeded (/b/a.swarmsnap)").contains("post hook").contains("exited 9");
        });
  }

  @Test
  void aManagerThatIsNotDesignatedSkipsWithOneLineAndRunsNoPreHook() throws Exception {
    Path seen = dir.resolve("post.env");
    SwarmNode other = new SwarmNode("a1", "m2", NodeRole.MANAGER, "ready", "active", "10.231.0.3", "20.10.24",
        Optional.of(new ManagerStatus(false, "reachable", "10.231.0.3:2377")));
    Designation notMe = new Designation(Optional.of(other), false, List.of(), "m2 (a1) is the designated manager");

    RunOutcome outcome = automated.run(settings("touch " + dir.resolve("pre-ran"), "env > " + seen),
        Optional.of(() -> notMe), backup(), log::add);

    assertThat(outcome.result()).isEqualTo(RunResult.SKIPPED);
    assertThat(backups).hasValue(0);
    assertThat(dir.resolve("pre-ran")).doesNotExist();
    assertThat(log).containsExactly("scheduled backup skipped here: m2 (a1) is the designated manager");
    assertThat(env(seen)).containsEntry("SWARMSNAP_RESULT", "skipped").containsEntry("SWARMSNAP_EXIT_CODE", "0");
  }

  private AutomationSettings settings(String pre, String post) {
    Duration timeout = Duration.ofSeconds(30);
    return new AutomationSettings(Optional.ofNullable(pre).map(c -> new Hook(c, timeout)),
        Optional.ofNullable(post).map(c -> new Hook(c, timeout)), Optional.of(dir.resolve("m.prom")));
  }

  private Supplier<BackupReport> backup() {
    return () -> {
      backups.incrementAndGet();
      return Reports.of("/b/a.swarmsnap", 10);
    };
  }

  private static Properties env(Path file) throws Exception {
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties;
  }
}
