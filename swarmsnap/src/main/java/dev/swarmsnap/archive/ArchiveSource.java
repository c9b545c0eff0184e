package dev.swarmsnap.archive;

import dev.swarmsnap.archive.manifest.ManifestFile;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the bytes of one manifest file come from. The writer reads exactly the manifest's {@code
 * stored_length} bytes from the start of {@code file}, so a preallocated WAL segment can be given
 * as is: the zero tail after its real data is never read.
 *
 * @param path the entry's path in the archive, as listed in the manifest
 * @param file a regular file (not a symbolic link) at least {@code stored_length} bytes long
 */
public record ArchiveSource(String path, Path file) {
  public ArchiveSource {
    ManifestFile.requireValidPath(path);
    Objects.requireNonNull(file, "file");
  }
}
