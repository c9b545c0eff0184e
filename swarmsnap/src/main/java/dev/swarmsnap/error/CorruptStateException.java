package dev.swarmsnap.error;

import java.nio.file.Path;

/**
 * Swarm state on disk is truncated, bit-flipped, hostile or mixed from different moments. The
 * message always names the file, the byte offset and what was expected there, so a user can tell
 * a torn copy from a damaged disk.
 */
public class CorruptStateException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;

  public CorruptStateException(Path file, long offset, String expected, String found) {
    this(file, offset, expected, found, null);
  }

  public CorruptStateException(
      Path file, long offset, String expected, String found, Throwable cause) {
    super(
        ExitCode.FAILED,
        file + " at offset " + offset + ": expected " + expected + ", found " + found,
        "the swarm state is damaged or was copied while dockerd was writing it;"
            + " copy it again with dockerd stopped, or restore an older backup",
        cause);
    this.file = file;
    this.offset = offset;
  }

  public Path file() {
    return file;
  }

  public long offset() {
    return offset;
  }
}
