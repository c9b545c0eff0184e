package dev.swarmsnap.core.automation;

import dev.swarmsnap.core.backup.BackupReport;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a hook runs with: ours, minus anything that holds an unlock key, plus the
 * {@code SWARMSNAP_*} variables that describe the run. Pure.
 */
public final class HookEnvironment {
  /** Unlock keys start with this (docker swarm unlock-key -q); such a value never reaches a hook. */
  private static final String KEY_PREFIX = "SWMKEY-";

  private final Map<String, String> base;

  /**
   * @param processEnvironment the environment swarmsnap runs with
   * @param secretVariables names of variables that hold key material (e.g. {@code --unlock-key-env})
   */
  public HookEnvironment(Map<String, String> processEnvironment, Set<String> secretVariables) {
    Map<String, String> kept = new TreeMap<>();
    processEnvironment.forEach((name, value) -> {
      if (!secretVariables.contains(name) && !value.contains(KEY_PREFIX)) {
        kept.put(name, value);
      }
    });
    this.base = Map.copyOf(kept);
  }

  /** Before the backup: what the run is about to do. */
  public Map<String, String> pre(Optional<Path> metricsFile) {
    Map<String, String> env = new TreeMap<>(base);
    env.put("SWARMSNAP_HOOK", "pre");
    metricsFile.ifPresent(f -> env.put("SWARMSNAP_METRICS_FILE", f.toString()));
    return env;
  }

  /** After the run, whatever its result. */
  public Map<String, String> post(RunOutcome outcome, Optional<Path> metricsFile) {
    Map<String, String> env = new TreeMap<>(base);
    env.put("SWARMSNAP_HOOK", "post");
    env.put("SWARMSNAP_RESULT", outcome.result().label());
    env.put("SWARMSNAP_EXIT_CODE", Integer.toString(outcome.exitCode().code()));
    env.put("SWARMSNAP_STARTED_AT", outcome.startedAt().toString());
    env.put("SWARMSNAP_DURATION_SECONDS", seconds(outcome.duration().toMillis()));
    metricsFile.ifPresent(f -> env.put("SWARMSNAP_METRICS_FILE", f.toString()));
    outcome.message().ifPresent(m -> env.put("SWARMSNAP_MESSAGE", m.replace('\n', ' ')));
    outcome.report().ifPresent(report -> putReport(env, report));
    return env;
  }

  private static void putReport(Map<String, String> env, BackupReport report) {
    env.put("SWARMSNAP_ARCHIVE", report.archive());
    env.put("SWARMSNAP_ARCHIVE_BYTES", Long.toString(report.archiveBytes()));
    env.put("SWARMSNAP_ARCHIVE_SHA256", report.archiveSha256());
    env.put("SWARMSNAP_CLUSTER_ID", report.clusterId());
    env.put("SWARMSNAP_NODE_ID", report.nodeId());
    env.put("SWARMSNAP_HOSTNAME", report.hostname());
    env.put("SWARMSNAP_DOWNTIME_SECONDS", seconds(report.downtimeMillis()));
  }

  private static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
