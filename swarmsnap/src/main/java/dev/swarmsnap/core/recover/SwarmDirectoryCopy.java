package dev.swarmsnap.core.recover;

import dev.swarmsnap.durable.DurableFiles;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A full copy of a stopped engine's swarm directory: every file as it is (preallocated WAL
 * segments included, so the engine finds exactly what it left), links as links, modes, owners and
 * times kept, synced before it is used. Backup's copier drops what an archive does not need; here
 * the copy replaces the original, so nothing is dropped.
 */
final class SwarmDirectoryCopy {
  private final DurableFiles durable = new DurableFiles();

  /** Copies {@code source} to {@code target}, which must not exist. */
  void copy(Path source, Path target) {
    List<Path> directories = new ArrayList<>();
    try {
      Files.walkFileTree(source, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Path to = target.resolve(source.relativize(dir).toString());
          Files.createDirectory(to);
          directories.add(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Path to = target.resolve(source.relativize(file).toString());
          Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
          if (attrs.isRegularFile()) {
            owners(file, to);
            durable.syncFile(to);
          }
          return FileVisitResult.CONTINUE;
        }
      });
      // Directory modes and owners last: a 0500 directory would refuse the files copied into it.
      for (Path dir : directories) {
        Path to = target.resolve(source.relativize(dir).toString());
        Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
        owners(dir, to);
        Files.setLastModifiedTime(to, Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS));
        durable.syncDirectory(to);
      }
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.FAILED,
          "cannot copy " + source + " to " + target + ": " + e.getMessage(),
          "the original swarm directory was not changed; free disk space or run as root", e);
    }
  }

  /** Bytes below {@code dir}: what the copy needs. */
  static long size(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "cannot read " + dir + ": " + e.getMessage(), "run as root", e);
    }
  }

  private static void owners(Path from, Path to) throws IOException {
    Map<String, Object> ids = Files.readAttributes(from, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(to, "unix:uid", ids.get("uid"), LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(to, "unix:gid", ids.get("gid"), LinkOption.NOFOLLOW_LINKS);
  }
}
