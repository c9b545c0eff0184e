package dev.swarmsnap.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Labs} reaches the host: where labs are registered, which programs it runs and how long
 * it waits for them. Programs are names looked up on {@code PATH} or absolute paths.
 *
 * @param registryDir one state file per lab plus the allocation lock; default lab dirs live here too
 * @param dockerd the engine binary the nodes run
 * @param docker the CLI used to drive the engines ({@code docker -H unix://... })
 * @param commandTimeout upper bound for one external command (a join, an {@code ip} call)
 * @param startTimeout how long a started dockerd may take to answer {@code /_ping}; a manager
 *     whose peers are gone needs about 20 s (docs/engine-behaviour.md §1.4)
 * @param stopTimeout how long a SIGTERMed dockerd may take to exit before it gets SIGKILL
 */
public record LabSettings(
    Path registryDir,
    String dockerd,
    String docker,
    Duration commandTimeout,
    Duration startTimeout,
    Duration stopTimeout) {

  /** Where labs are registered unless told otherwise. */
  public static final Path DEFAULT_REGISTRY = Path.of("/var/lib/swarmsnap/labs");

  public LabSettings {
    registryDir = registryDir.toAbsolutePath().normalize();
    Objects.requireNonNull(dockerd, "dockerd");
    Objects.requireNonNull(docker, "docker");
    requirePositive(commandTimeout, "commandTimeout");
    requirePositive(startTimeout, "startTimeout");
    requirePositive(stopTimeout, "stopTimeout");
  }

  /** The registry in {@code /var/lib/swarmsnap/labs}, {@code dockerd} and {@code docker} from PATH. */
  public static LabSettings defaults() {
    return new LabSettings(
        DEFAULT_REGISTRY, "dockerd", "docker", Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(30));
  }

  public LabSettings withRegistryDir(Path dir) {
    return new LabSettings(dir, dockerd, docker, commandTimeout, startTimeout, stopTimeout);
  }

  public LabSettings withDockerd(String program) {
    return new LabSettings(registryDir, program, docker, commandTimeout, startTimeout, stopTimeout);
  }

  public LabSettings withDocker(String program) {
    return new LabSettings(registryDir, dockerd, program, commandTimeout, startTimeout, stopTimeout);
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
  }
}
