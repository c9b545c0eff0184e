package dev.swarmsnap.swarmstate.files;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@link SwarmFiles} of a swarm directory on disk. Reads only; follows no links out of it. */
public final class DirectorySwarmFiles implements SwarmFiles {
  private final Path dir;

  /** @param dir the swarm directory (e.g. {@code /var/lib/docker/swarm}) */
  public DirectorySwarmFiles(Path dir) {
    this.dir = dir;
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
    return Files.isRegularFile(dir.resolve(relative), LinkOption.NOFOLLOW_LINKS);
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
    try {
      return Files.size(dir.resolve(relative));
    } catch (IOException e) {
      throw unreadable(dir.resolve(relative), e);
    }
  }

  @Override
  public byte[] readSmall(String relative) {
    Path p = dir.resolve(relative);
    if (size(relative) > SMALL_FILE_LIMIT) {
      throw new SwarmsnapException(ExitCode.FAILED, p + " is over " + SMALL_FILE_LIMIT
          + " bytes; no swarm file of this kind is that large", "check the swarm directory");
    }
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw unreadable(p, e);
    }
  }

  @Override
  public void readInOrder(List<String> relatives, FileReader reader) {
    for (String rel : relatives) {
      Path p = dir.resolve(rel);
      try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16)) {
        reader.read(rel, in, Files.size(p));
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
