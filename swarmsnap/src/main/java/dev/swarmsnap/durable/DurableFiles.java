package dev.swarmsnap.durable;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * fsync for files and directories. A rename or a file creation is durable only once the directory
 * that holds the name has been synced, which plain {@code Files} never does. Stateless and
 * thread-safe.
 */
public final class DurableFiles {

  /** Forces the data and metadata of a regular file to the device. */
  public void syncFile(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw DurableWriteException.of("syncing", file, e);
    }
  }

  /**
   * Forces a directory's entries (creations, renames, deletions) to the device. Linux allows
   * opening a directory read-only and fsyncing it; that is what the JDK channel does here.
   */
  public void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw DurableWriteException.of("syncing directory", directory, e);
    }
  }
}
