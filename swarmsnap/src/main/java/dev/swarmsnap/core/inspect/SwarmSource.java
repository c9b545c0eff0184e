package dev.swarmsnap.core.inspect;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code inspect} and {@code verify} were pointed at: a swarm directory (or a Docker data
 * root holding {@code swarm/}), or a swarmsnap archive. Single use, not thread-safe.
 */
public final class SwarmSource {
  private final Path path;
  private final SwarmFiles files;
  private final Optional<Manifest> manifest;
  private final ArchiveSwarmFiles archive;

  private SwarmSource(Path path, SwarmFiles files, Optional<Manifest> manifest, ArchiveSwarmFiles archive) {
    this.path = path;
    this.files = files;
    this.manifest = manifest;
    this.archive = archive;
  }

  /**
   * Opens {@code path}; for an archive only the manifest is read now.
   *
   * @throws SwarmsnapException NOT_FOUND if nothing is there
   * @throws dev.swarmsnap.archive.NotASwarmsnapArchiveException for a file that is no archive
   */
  public static SwarmSource open(Path path, ArchiveReader reader) {
    if (Files.isDirectory(path)) {
      Path dir = !Files.exists(path.resolve("docker-state.json"))
          && Files.exists(path.resolve("swarm/docker-state.json")) ? path.resolve("swarm") : path;
      return new SwarmSource(dir, new DirectorySwarmFiles(dir), Optional.empty(), null);
    }
    if (!Files.exists(path)) {
      throw new SwarmsnapException(ExitCode.NOT_FOUND, path + " does not exist",
          "give a swarm directory (usually /var/lib/docker/swarm) or a .swarmsnap archive");
    }
    Manifest m = reader.readManifest(path);
    ArchiveSwarmFiles a = new ArchiveSwarmFiles(path, m, reader);
    return new SwarmSource(path, a, Optional.of(m), a);
  }

  public Path path() {
    return path;
  }

  public SwarmFiles files() {
    return files;
  }

  /** The archive's manifest; empty for a directory. */
  public Optional<Manifest> manifest() {
    return manifest;
  }

  public boolean isArchive() {
    return archive != null;
  }

  /** The engine API view recorded in an archive, by endpoint name; empty for a directory. */
  public SortedMap<String, byte[]> apiDocuments() {
    return archive == null ? new TreeMap<>() : archive.apiDocuments();
  }
}
