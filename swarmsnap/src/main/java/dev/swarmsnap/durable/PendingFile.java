package dev.swarmsnap.durable;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A file being written that is published under its final name only by {@link #commit()}. {@link
 * #close()} without a commit abandons it: the temp file is deleted and the final name is untouched.
 *
 * <p>Any write failure abandons the file at once and surfaces as an unchecked {@link
 * DurableWriteException} that names the target (and the filesystem when it is full), so callers
 * further up a stream chain report it the same way whatever stream they wrote through. Not
 * thread-safe.
 */
public final class PendingFile extends OutputStream {
  private enum State {
    OPEN,
    COMMITTED,
    ABANDONED
  }

  private final Path target;
  private final Path temp;
  private final Set<PosixFilePermission> mode;
  private final FileChannel channel;
  private final OutputStream out;
  private final DurableFiles durableFiles;
  private State state = State.OPEN;
  private DurableWriteException failure;

  PendingFile(
      Path target,
      Path temp,
      Set<PosixFilePermission> mode,
      FileChannel channel,
      OutputStream sink,
      DurableFiles durableFiles) {
    this.target = target;
    this.temp = temp;
    this.mode = mode;
    this.channel = channel;
    this.out = new BufferedOutputStream(sink, 1 << 16);
    this.durableFiles = durableFiles;
  }

  /** The final name this file is published under. */
  public Path target() {
    return target;
  }

  /** The hidden temp file holding the data until the commit. */
  public Path tempPath() {
    return temp;
  }

  @Override
  public void write(int b) {
    ensureOpen();
    try {
      out.write(b);
    } catch (IOException e) {
      throw fail("writing", e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensureOpen();
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw fail("writing", e);
    }
  }

  @Override
  public void flush() {
    ensureOpen();
    try {
      out.flush();
    } catch (IOException e) {
      throw fail("writing", e);
    }
  }

  /**
   * Flushes, fsyncs the temp file, sets the final mode, renames it over the target (replacing any
   * file there) and fsyncs the directory. On failure before the rename the temp file is deleted.
   *
   * @throws DurableWriteException if any step fails; if only the final directory sync fails, the
   *     file is already visible under its final name but its durability is not confirmed
   */
  public void commit() {
    ensureOpen();
    try {
      out.flush();
      channel.force(true);
      channel.close();
    } catch (IOException e) {
      throw fail("writing", e);
    }
    try {
      Files.setPosixFilePermissions(temp, mode);
    } catch (IOException e) {
      throw fail("setting the mode of", e);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw fail("publishing", e);
    }
    state = State.COMMITTED;
    durableFiles.syncDirectory(target.getParent());
  }

  /** Abandons the file unless it was committed; idempotent. */
  @Override
  public void close() {
    if (state == State.OPEN) {
      abandon();
    }
  }

  private void ensureOpen() {
    if (failure != null) {
      throw failure;
    }
    if (state != State.OPEN) {
      throw new IllegalStateException(target + " was already " + state.name().toLowerCase());
    }
  }

  private DurableWriteException fail(String action, IOException cause) {
    failure = DurableWriteException.of(action, target, cause);
    abandon();
    return failure;
  }

  private void abandon() {
    state = State.ABANDONED;
    try {
      channel.close();
    } catch (IOException e) {
      // The data is being thrown away; a close error cannot make that worse.
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      throw DurableWriteException.of("removing the unfinished", temp, e);
    }
  }
}
