package dev.swarmsnap.core.backup;

import dev.swarmsnap.archive.manifest.Sha256;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.SwarmDirectoryUsage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies the bytes that matter out of a stopped engine's swarm directory into staging, hashing as it
 * goes. This is all the work done while the engine is down, so it copies only real data: WAL
 * segments up to their last record, no preallocated {@code .tmp} segments (docs/swarm-state-format.md §1).
 */
public final class StagingCopier {
  private final SwarmDirectoryUsage usage = new SwarmDirectoryUsage();

  /**
   * Copies {@code swarmDir}'s data files into {@code staging/swarm/...}; returns what it copied (paths
   * as in the archive: {@code swarm/...}), the
   * directories first (their modes and owners matter at restore: dockerd keeps them 0700).
   */
  public List<StagedFile> copy(Path swarmDir, Path staging) {
    List<StagedFile> staged = new ArrayList<>(directories(swarmDir));
    for (SwarmDirectoryUsage.DataFile file : usage.dataFiles(swarmDir)) {
      staged.add(copyOne(swarmDir, file, staging.resolve("swarm")));
    }
    return List.copyOf(staged);
  }

  /** The directories of {@code swarmDir}, sorted, with their modes and owners. */
  static List<StagedFile> directories(Path swarmDir) {
    try (Stream<Path> walk = Files.walk(swarmDir)) {
      List<StagedFile> dirs = new ArrayList<>();
      for (Path dir : (Iterable<Path>) walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted()::iterator) {
        Map<String, Object> attributes = Files.readAttributes(dir, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        String relative = swarmDir.relativize(dir).toString().replace('\\', '/');
        dirs.add(new StagedFile(
            relative.isEmpty() ? "swarm" : "swarm/" + relative,
            true,
            ((Integer) attributes.get("mode")) & 0777,
            (Integer) attributes.get("uid"),
            (Integer) attributes.get("gid"),
            0,
            0,
            ""));
      }
      return dirs;
    } catch (IOException e) {
      throw new SwarmsnapException(
          ExitCode.FAILED, "cannot list the swarm directory " + swarmDir + ": " + e.getMessage(), "run as root", e);
    }
  }

  /**
   * Copies one file's real bytes. Kernel-side ({@code transferTo}: sendfile/copy_file_range), and
   * without hashing: this runs while the engine is down, and the hash is taken from the staged copy
   * after the engine is back ({@link #hashed}).
   */
  static StagedFile copyOne(Path swarmDir, SwarmDirectoryUsage.DataFile file, Path target) {
    Path source = swarmDir.resolve(file.relativePath());
    Path destination = target.resolve(file.relativePath());
    try {
      Files.createDirectories(destination.getParent());
      long copied = 0;
      try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
          FileChannel out = FileChannel.open(destination, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        while (copied < file.copyBytes()) {
          long n = in.transferTo(copied, file.copyBytes() - copied, out);
          if (n <= 0) {
            throw new IOException("file shrank while the engine was stopped");
          }
          copied += n;
        }
      }
      Map<String, Object> attributes = Files.readAttributes(source, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
      return new StagedFile(
          "swarm/" + file.relativePath().toString().replace('\\', '/'),
          false,
          ((Integer) attributes.get("mode")) & 0777,
          (Integer) attributes.get("uid"),
          (Integer) attributes.get("gid"),
          file.fileBytes(),
          copied,
          "");
    } catch (IOException e) {
      throw new SwarmsnapException(
          ExitCode.FAILED,
          "cannot copy " + source + " to staging " + destination + ": " + e.getMessage(),
          "check free space and permissions where the backup is written (--output)",
          e);
    }
  }

  /** The same files with the SHA-256 of their staged bytes filled in. */
  public List<StagedFile> hashed(List<StagedFile> files, Path staging) {
    List<StagedFile> result = new ArrayList<>();
    for (StagedFile file : files) {
      result.add(file.directory() ? file : file.withSha256(sha256(staging.resolve(file.path()))));
    }
    return List.copyOf(result);
  }

  private static String sha256(Path file) {
    try {
      return Sha256.ofFile(file).hex();
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "cannot read the staged copy " + file + ": " + e.getMessage(), null, e);
    }
  }

}
