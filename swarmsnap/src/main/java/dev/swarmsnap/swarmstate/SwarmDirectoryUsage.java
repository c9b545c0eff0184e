package dev.swarmsnap.swarmstate;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.raft.WalFrameScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Measures how many bytes of a swarm directory carry information, as opposed to preallocated
 * zeros (docs/swarm-state-format.md §1: a fresh swarm dir takes 123 MB, of which some tens of KB are data).
 *
 * <p>Real data is every regular file except {@code raft/wal-*&#47;*.tmp} (preallocated next
 * segments), with each {@code .wal} counted only up to the end of its last whole frame: the
 * framing scan stops at a zero length word, at end of file, or at a frame that does not fit in the
 * file. No decryption and no CRC check happen here; {@code verify} does those. dockerd accepts
 * segments truncated to that length (docs/swarm-state-format.md §1). Symbolic links are not followed and not
 * counted. Stateless and thread-safe.
 */
public final class SwarmDirectoryUsage {

  /**
   * Totals for one swarm directory.
   *
   * @param allocatedBytes sum of the apparent sizes of all regular files (preallocated files are
   *     zero-filled with fallocate, so this is also close to what {@code du} reports)
   * @param realDataBytes bytes a backup has to copy
   * @param walSegments number of {@code .wal} files
   */
  public record Usage(long allocatedBytes, long realDataBytes, int walSegments) {}

  /**
   * One file a backup copies, and how much of it.
   *
   * @param relativePath path below the swarm directory
   * @param copyBytes bytes from the start of the file that carry data
   * @param fileBytes the file's full size
   * @param walSegment whether this is a {@code .wal} measured by its framing
   */
  public record DataFile(Path relativePath, long copyBytes, long fileBytes, boolean walSegment) {
    public DataFile {
      Objects.requireNonNull(relativePath, "relativePath");
    }
  }

  /**
   * Totals for {@code swarmDir}.
   *
   * @throws SwarmsnapException NOT_FOUND if it is not a directory, FAILED if it cannot be read
   */
  public Usage measure(Path swarmDir) {
    long allocated = 0;
    long real = 0;
    int segments = 0;
    for (FileSize f : regularFiles(swarmDir)) {
      allocated += f.size();
    }
    for (DataFile d : dataFiles(swarmDir)) {
      real += d.copyBytes();
      if (d.walSegment()) {
        segments++;
      }
    }
    return new Usage(allocated, real, segments);
  }

  /**
   * The files a backup copies, sorted by path, with the number of leading bytes to copy of each.
   *
   * @throws SwarmsnapException NOT_FOUND if it is not a directory, FAILED if it cannot be read
   */
  public List<DataFile> dataFiles(Path swarmDir) {
    List<DataFile> out = new ArrayList<>();
    for (FileSize f : regularFiles(swarmDir)) {
      Path rel = swarmDir.relativize(f.path());
      if (isPreallocatedSegment(rel)) {
        continue;
      }
      if (isWalSegment(rel)) {
        out.add(new DataFile(rel, validWalBytes(f.path()), f.size(), true));
      } else {
        out.add(new DataFile(rel, f.size(), f.size(), false));
      }
    }
    return List.copyOf(out);
  }

  private static boolean isPreallocatedSegment(Path rel) {
    return inWalDir(rel) && rel.getFileName().toString().endsWith(".tmp");
  }

  private static boolean isWalSegment(Path rel) {
    return inWalDir(rel) && rel.getFileName().toString().endsWith(".wal");
  }

  // raft/wal-v3-encrypted today; raft/wal-v3 and raft/wal are the legacy dirs (docs/swarm-state-format.md §1).
  private static boolean inWalDir(Path rel) {
    return rel.getNameCount() == 3
        && rel.getName(0).toString().equals("raft")
        && rel.getName(1).toString().startsWith("wal");
  }

  private long validWalBytes(Path wal) {
    try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.READ)) {
      return new WalFrameScanner(ch).scanToEnd().offset();
    } catch (IOException | UncheckedIOException e) {
      throw unreadable(wal, e);
    }
  }

  private record FileSize(Path path, long size) {}

  private List<FileSize> regularFiles(Path swarmDir) {
    if (!Files.isDirectory(swarmDir)) {
      throw new SwarmsnapException(
          ExitCode.NOT_FOUND,
          swarmDir + " is not a directory",
          "give the swarm directory, usually /var/lib/docker/swarm");
    }
    List<FileSize> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          swarmDir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                files.add(new FileSize(file, attrs.size()));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw unreadable(swarmDir, e);
    }
    files.sort(Comparator.comparing(FileSize::path));
    return files;
  }

  private static SwarmsnapException unreadable(Path p, Exception e) {
    return new SwarmsnapException(
        ExitCode.FAILED, "cannot read " + p + ": " + e.getMessage(), "check permissions (root?)", e);
  }
}
