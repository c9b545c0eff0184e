package dev.swarmsnap.cli.backup;

import dev.swarmsnap.core.automation.AutomationSettings;
import dev.swarmsnap.core.automation.Hook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of {@code backup} for unattended runs: schedule, hooks, metrics. */
public final class BackupAutomationOptions {
  @Option(names = "--scheduled",
      description = "Run as the scheduled job that fires on every manager: back up only if this manager is the"
          + " designated one (the ready, reachable follower with the lowest node ID; the leader only on a"
          + " single-manager swarm), else exit 0 with one line naming it.")
  boolean scheduled;

  @Option(names = "--takeover-delay", paramLabel = "SECONDS", defaultValue = "60",
      description = "With --scheduled: when this manager is designated only because followers before it are down,"
          + " wait this long and ask again before taking over (default: ${DEFAULT-VALUE}).")
  long takeoverDelaySeconds;

  @Option(names = "--hook-pre", paramLabel = "CMD",
      description = "Run CMD (sh -c) before the backup; if it fails, the backup is refused (exit 3).")
  String preHook;

  @Option(names = "--hook-post", paramLabel = "CMD",
      description = "Run CMD (sh -c) after the run, whatever its result, with SWARMSNAP_RESULT"
          + " (success|failed|refused|partial|skipped), SWARMSNAP_EXIT_CODE, SWARMSNAP_ARCHIVE, ... in its"
          + " environment (never a key).")
  String postHook;

  @Option(names = "--hook-timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "End a hook that runs longer than this (default: ${DEFAULT-VALUE}).")
  long hookTimeoutSeconds;

  @Option(names = "--metrics-file", paramLabel = "FILE",
      description = "Write Prometheus text-format metrics of the run to FILE (atomically; for node_exporter's"
          + " textfile collector, e.g. /var/lib/prometheus/node-exporter/swarmsnap.prom).")
  Path metricsFile;

  public boolean scheduled() {
    return scheduled;
  }

  public Duration takeoverDelay() {
    return Duration.ofSeconds(Math.max(0, takeoverDelaySeconds));
  }

  public AutomationSettings settings() {
    Duration timeout = Duration.ofSeconds(Math.max(1, hookTimeoutSeconds));
    return new AutomationSettings(
        Optional.ofNullable(preHook).filter(h -> !h.isBlank()).map(h -> new Hook(h, timeout)),
        Optional.ofNullable(postHook).filter(h -> !h.isBlank()).map(h -> new Hook(h, timeout)),
        Optional.ofNullable(metricsFile));
  }
}
