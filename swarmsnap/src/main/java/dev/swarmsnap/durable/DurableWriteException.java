package dev.swarmsnap.durable;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file could not be written, synced, published or removed. When the cause is a full filesystem
 * (ENOSPC) or an exhausted quota (EDQUOT) the message names the filesystem and the hint says to free
 * space or write elsewhere.
 */
public final class DurableWriteException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public DurableWriteException(String message, String hint, Throwable cause) {
    super(ExitCode.FAILED, message, hint, cause);
  }

  /**
   * Describes {@code cause}, which happened while {@code action} (for example "writing") {@code
   * path}.
   */
  public static DurableWriteException of(String action, Path path, IOException cause) {
    if (isOutOfSpace(cause)) {
      return new DurableWriteException(
          "no space left on " + describeFileStore(path) + " " + action + " " + path,
          "free space on that filesystem or choose another --output",
          cause);
    }
    return new DurableWriteException(
        "I/O error " + action + " " + path + ": " + cause.getMessage(),
        "check the filesystem and permissions of " + parentOf(path) + ", then retry",
        cause);
  }

  /**
   * The JDK reports errno only as strerror text; these are glibc's texts for ENOSPC and EDQUOT,
   * which is what Linux hosts running dockerd use.
   */
  static boolean isOutOfSpace(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (text.contains("no space left on device") || text.contains("disk quota exceeded")) {
        return true;
      }
    }
    return false;
  }

  private static String describeFileStore(Path path) {
    for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        try {
          // FileStore#toString on Linux reads "<mount point> (<device>)".
          return Files.getFileStore(p).toString();
        } catch (IOException e) {
          return "the filesystem of " + p;
        }
      }
    }
    return "the filesystem of " + path;
  }

  private static Path parentOf(Path path) {
    Path parent = path.toAbsolutePath().getParent();
    return parent == null ? path : parent;
  }
}
