package dev.swarmsnap.hostlock;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * At most one swarmsnap backup or restore per host: both stop the engine, and two at once would
 * stop it under each other's feet. An OS file lock, so a crashed holder releases it by dying.
 */
public final class HostLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private HostLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock or fails at once.
   *
   * @param what what we are about to do, written into the lock file for the refusal message of others
   * @throws SwarmsnapException UNSAFE when another swarmsnap holds it
   */
  public static HostLock acquire(Path lockFile, String what) {
    try {
      Files.createDirectories(lockFile.getParent());
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameJvm) {
        lock = null;
      }
      if (lock == null) {
        String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
        channel.close();
        throw new SwarmsnapException(
            ExitCode.UNSAFE,
            "another swarmsnap is already at work on this host" + (holder.isEmpty() ? "" : " (" + holder + ")"),
            "wait for it to finish; the lock is " + lockFile + " and is released when that process ends");
      }
      channel.truncate(0);
      channel.write(java.nio.ByteBuffer.wrap(
          (what + ", pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
      return new HostLock(channel, lock);
    } catch (IOException e) {
      throw new SwarmsnapException(
          ExitCode.FAILED, "cannot take the lock " + lockFile + ": " + e.getMessage(),
          "check that " + lockFile.getParent() + " is writable (run as root), or set SWARMSNAP_RUN_DIR", e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // Closing the channel or exiting releases an OS lock in any case.
    }
  }
}
