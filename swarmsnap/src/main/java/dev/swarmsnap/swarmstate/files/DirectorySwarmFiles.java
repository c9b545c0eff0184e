package dev.swarmsnap.swarmstate.files;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.input.SmallFileReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link SwarmFiles} of a swarm directory on disk. Reads only regular files, follows no links in
 * it (the engine makes none) and reads no small file past its cap, so a planted link to {@code
 * /dev/zero} or a FIFO is refused by name instead of eating memory or blocking.
 */
public final class DirectorySwarmFiles implements SwarmFiles {
  private static final String HINT = "give the swarm directory (usually /var/lib/docker/swarm) of a manager;"
      + " it holds only regular files and directories";
  private final Path dir;
  private final SmallFileReader small;
  private final SmallFileReader snapshots;

  /** @param dir the swarm directory (e.g. {@code /var/lib/docker/swarm}) */
  public DirectorySwarmFiles(Path dir) {
    this.dir = dir;
    this.small = new SmallFileReader(SMALL_FILE_LIMIT, SmallFileReader.Links.REFUSE, HINT);
    this.snapshots = new SmallFileReader(SNAPSHOT_LIMIT, SmallFileReader.Links.REFUSE, HINT);
  }

  /**
   * A small file of a swarm directory named by its own path (a certificate, a key), read as
   * {@link #readSmall} reads one.
   */
  public static byte[] readSmallFile(Path file) {
    return new SmallFileReader(SMALL_FILE_LIMIT, SmallFileReader.Links.REFUSE, HINT).read(file);
  }

  @Override
  public String description() {
    return dir.toString();
  }

  @Override
  public Path location(String relative) {
    return dir.resolve(relative);
  }

  @Override
  public boolean isFile(String relative) {
    Path p = dir.resolve(relative);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    small.requireRegular(p);
    return true;
  }

  @Override
  public List<String> fileNames(String relative) {
    Path d = dir.resolve(relative);
    if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw unreadable(d, e);
    }
  }

  @Override
  public long size(String relative) {
    return small.requireRegular(dir.resolve(relative));
  }

  @Override
  public byte[] readSmall(String relative) {
    return (SwarmFiles.sizeLimit(relative) == SMALL_FILE_LIMIT ? small : snapshots).read(dir.resolve(relative));
  }

  @Override
  public void readInOrder(List<String> relatives, FileReader reader) {
    for (String rel : relatives) {
      Path p = dir.resolve(rel);
      long size = small.requireRegular(p);
      try (InputStream in = new BufferedInputStream(small.open(p), 1 << 16)) {
        reader.read(rel, in, size);
      } catch (IOException e) {
        throw unreadable(p, e);
      }
    }
  }

  private static SwarmsnapException unreadable(Path p, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new SwarmsnapException(ExitCode.NOT_FOUND, p + " does not exist",
          "give the swarm directory (usually /var/lib/docker/swarm) of a manager", e);
    }
    return new SwarmsnapException(ExitCode.FAILED, "cannot read " + p + ": " + e.getMessage(),
        "check permissions (root?)", e);
  }

  @Override
  public String toString() {
    return "DirectorySwarmFiles[" + dir + "]";
  }
}
