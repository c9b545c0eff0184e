package dev.swarmsnap.durable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Opens {@link PendingFile}s: files that appear under their final name only once complete and on
 * disk. The temp file is {@code .<name>.partial-<random>} in the target's directory, so the final
 * rename never crosses a filesystem and is atomic. Thread-safe; each pending file is not.
 */
public final class AtomicFileWriter {
  /** Mode of backup archives: they hold the swarm's TLS keys and raft data. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      Set.copyOf(PosixFilePermissions.fromString("rw-------"));

  private final DurableFiles durableFiles;
  private final UnaryOperator<OutputStream> sinkWrapper;

  public AtomicFileWriter() {
    this(new DurableFiles(), UnaryOperator.identity());
  }

  /** For tests: {@code sinkWrapper} wraps the stream to the temp file, to inject write faults. */
  AtomicFileWriter(DurableFiles durableFiles, UnaryOperator<OutputStream> sinkWrapper) {
    this.durableFiles = Objects.requireNonNull(durableFiles, "durableFiles");
    this.sinkWrapper = Objects.requireNonNull(sinkWrapper, "sinkWrapper");
  }

  /**
   * Starts writing {@code target}. Nothing exists under the final name until {@link
   * PendingFile#commit()}; closing without committing deletes the temp file.
   *
   * @param mode the final file mode, set exactly (not through the umask) before the rename
   * @throws DurableWriteException if the directory does not exist or the temp file cannot be made
   */
  public PendingFile create(Path target, Set<PosixFilePermission> mode) {
    Path absolute = target.toAbsolutePath().normalize();
    Path directory = absolute.getParent();
    if (directory == null || absolute.getFileName() == null) {
      throw new DurableWriteException(
          "cannot write " + target + ": it names no file in a directory", "give a file path", null);
    }
    if (!Files.isDirectory(directory)) {
      throw new DurableWriteException(
          "cannot write " + absolute + ": directory " + directory + " does not exist",
          "create the directory first or choose another --output",
          null);
    }
    if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new DurableWriteException(
          "cannot write " + absolute + ": a directory has that name",
          "choose another --output",
          null);
    }
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path temp = directory.resolve("." + absolute.getFileName() + ".partial-" + random);
    FileChannel channel;
    try {
      // Created owner-only from the start: the content may be secret long before it is complete.
      channel =
          FileChannel.open(
              temp,
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
              PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (IOException e) {
      throw DurableWriteException.of("creating", temp, e);
    }
    OutputStream sink = sinkWrapper.apply(Channels.newOutputStream(channel));
    return new PendingFile(absolute, temp, Set.copyOf(mode), channel, sink, durableFiles);
  }
}
