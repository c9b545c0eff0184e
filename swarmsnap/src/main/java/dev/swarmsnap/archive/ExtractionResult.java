package dev.swarmsnap.archive;

import dev.swarmsnap.archive.manifest.Manifest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link SafeExtractor} restored.
 *
 * @param target the directory it created and filled; {@code swarm/} and {@code api/} are inside
 * @param storedBytes bytes read from the archive into files
 * @param restoredBytes the files' lengths after zero-extension to their original lengths
 * @param ownersRestored whether recorded uid/gid were applied
 */
public record ExtractionResult(
    Manifest manifest, Path target, int files, int directories, long storedBytes, long restoredBytes,
    boolean ownersRestored) {
  public ExtractionResult {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(target, "target");
  }
}
