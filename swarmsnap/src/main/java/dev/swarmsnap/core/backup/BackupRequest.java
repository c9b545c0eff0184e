package dev.swarmsnap.core.backup;

import dev.swarmsnap.core.keys.UnlockKeySource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One backup to take.
 *
 * @param output a directory (the archive gets its standard name inside) or the archive's file name
 * @param swarmDir the swarm directory; default {@code <engine data-root>/swarm}
 * @param keySource where the unlock key comes from when autolock is on; default: the engine's API
 * @param runDir where the host lock and the watchdog's files live
 */
public record BackupRequest(
    Path output,
    Optional<Path> swarmDir,
    BackupOptions options,
    Optional<UnlockKeySource> keySource,
    Path runDir,
    String toolVersion) {
  public BackupRequest {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(runDir, "runDir");
  }
}
