package dev.swarmsnap.input;

import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a small file whole, but only a regular file and never more than a cap. {@code
 * Files.readAllBytes} trusts the size the file system reports, which is 0 for {@code /dev/zero}
 * and a FIFO: the read then runs until memory is gone, or blocks forever. So the type is looked
 * at (without opening) first, and the read itself stops one byte past the cap, whatever the size
 * said. Refusals are bad input (exit 2) naming the file and what it really is. Immutable.
 */
public final class SmallFileReader {
  /** The cap for keys, certificates, identities and small JSON files: real ones take a few KiB. */
  public static final long KEY_FILE_LIMIT = 1L << 20;

  /** Whether a symbolic link may stand for the file. */
  public enum Links {
    /** A file the user named: a link is fine, what it points to must be a regular file. */
    FOLLOW,
    /** A file inside a swarm directory: the engine puts no links there, so one is refused. */
    REFUSE
  }

  private final long limit;
  private final Links links;
  private final String hint;

  /**
   * @param limit the most bytes a file may hold
   * @param hint what the user can do about a refused file (names the option or directory)
   */
  public SmallFileReader(long limit, Links links, String hint) {
    if (limit <= 0 || limit >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("limit must be between 1 and 2 GiB");
    }
    this.limit = limit;
    this.links = Objects.requireNonNull(links, "links");
    this.hint = Objects.requireNonNull(hint, "hint");
  }

  /**
   * The whole content of {@code file}.
   *
   * @throws BadInputException if it is not a regular file or holds more than the cap
   * @throws SwarmsnapException exit 8 if it does not exist, 1 if it cannot be read
   */
  public byte[] read(Path file) {
    long size = requireRegular(file);
    if (size > limit) {
      throw tooLarge(file);
    }
    // One array of the stated size and no growing copies: the content may be a key.
    byte[] content = new byte[(int) size];
    try (InputStream in = Files.newInputStream(file, options())) {
      int read = in.readNBytes(content, 0, content.length);
      if (read != content.length || in.read() >= 0) {
        Arrays.fill(content, (byte) 0);
        throw new SwarmsnapException(ExitCode.FAILED, file + " changed while it was read",
            "read it again once nothing writes to it");
      }
      return content;
    } catch (IOException e) {
      Arrays.fill(content, (byte) 0);
      throw unreadable(file, e);
    }
  }

  /**
   * Opens a regular file of any size for reading (the caller bounds what it reads).
   *
   * @throws BadInputException if it is not a regular file
   * @throws SwarmsnapException exit 8 if it does not exist, 1 if it cannot be opened
   */
  public InputStream open(Path file) {
    requireRegular(file);
    try {
      return Files.newInputStream(file, options());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Checks, without opening it, that {@code file} is a regular file; a FIFO would block an open.
   *
   * @return its length
   */
  public long requireRegular(Path file) {
    return requireRegular(file, links, hint);
  }

  /**
   * As {@link #requireRegular(Path)}, for a file of any size read by other means (an archive).
   *
   * @throws BadInputException if it is not a regular file
   * @throws SwarmsnapException exit 8 if it does not exist, 1 if it cannot be looked at
   */
  public static long requireRegular(Path file, Links links, String hint) {
    LinkOption[] options = options(links);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, options);
    } catch (IOException e) {
      throw unreadable(file, e, hint);
    }
    if (!attributes.isRegularFile()) {
      throw new BadInputException(file + " is " + kind(file, attributes, options) + ", not a regular file"
          + (attributes.isSymbolicLink() ? " (swarmsnap follows no links in a swarm directory)" : ""), hint);
    }
    return attributes.size();
  }

  /** What a non-regular file is, in the words of {@code ls -l}'s type letter. */
  private static String kind(Path file, BasicFileAttributes attributes, LinkOption[] options) {
    if (attributes.isSymbolicLink()) {
      return "a symbolic link";
    }
    if (attributes.isDirectory()) {
      return "a directory";
    }
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode", options) & 0170000;
      return switch (type) {
        case 0020000, 0060000 -> "a device";
        case 0010000 -> "a FIFO (named pipe)";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  private static String mebibytes(long bytes) {
    return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }

  private LinkOption[] options() {
    return options(links);
  }

  private static LinkOption[] options(Links links) {
    return links == Links.REFUSE ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
  }

  private BadInputException tooLarge(Path file) {
    return new BadInputException(file + " is larger than " + mebibytes(limit)
        + ", more than a file of this kind ever holds", hint);
  }

  private SwarmsnapException unreadable(Path file, IOException e) {
    return unreadable(file, e, hint);
  }

  private static SwarmsnapException unreadable(Path file, IOException e, String hint) {
    if (e instanceof NoSuchFileException) {
      return new SwarmsnapException(ExitCode.NOT_FOUND, file + " does not exist", hint, e);
    }
    if (e instanceof AccessDeniedException) {
      return new SwarmsnapException(ExitCode.FAILED, "cannot read " + file + ": permission denied",
          "run as a user that may read it (root?)", e);
    }
    return new SwarmsnapException(ExitCode.FAILED, "cannot read " + file + ": an I/O error occurred", hint, e);
  }
}
