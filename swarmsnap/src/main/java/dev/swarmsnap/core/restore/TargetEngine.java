package dev.swarmsnap.core.restore;

import dev.swarmsnap.engine.process.DockerdBinary;
import java.util.Objects;
import java.util.Optional;

/**
 * Which engine will run the restored state when the engine is stopped at restore time: the binary
 * the start command runs ({@code dockerd} on PATH unless told otherwise), asked for its version
 * before anything changes.
 *
 * @param dockerd the engine binary, a name on PATH or a path
 * @param skipVersionCheck go ahead, with a warning, when its version cannot be told
 */
public record TargetEngine(String dockerd, boolean skipVersionCheck) {
  public TargetEngine {
    Objects.requireNonNull(dockerd, "dockerd");
  }

  /** {@code dockerd} on PATH, version checked. */
  public static TargetEngine onPath() {
    return new TargetEngine("dockerd", false);
  }

  /**
   * The version of the engine that will run the restored state, and where it was learned.
   *
   * @param version empty when it could not be told
   * @param source where it came from, for the plan's text
   * @param running the engine is running now (so the restore stops it first)
   * @param skipCheck an unknown version is a warning, not a refusal
   */
  public record Version(Optional<String> version, String source, boolean running, boolean skipCheck) {
    static Version running(String version) {
      return new Version(Optional.of(version), "the running engine", true, false);
    }
  }

  Version probe(DockerdBinary binary) {
    return new Version(binary.version(dockerd), "'" + dockerd + " --version'", false, skipVersionCheck);
  }
}
