package dev.swarmsnap.core.restore;

import dev.swarmsnap.durable.DurableWriteException;
import dev.swarmsnap.durable.TreeRemover;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The working directory of one restore, {@code .swarmsnap-restore-<time>} next to the swarm
 * directory (same filesystem, so the swap is a rename): an {@code owner} file naming this process
 * (pid and start time) and the extraction in {@code archive/}. A run that is killed cannot remove
 * it, so the next restore removes every such directory whose owner is gone ({@link
 * #removeAbandoned}); one without an owner file, or whose owner still runs, is left alone.
 */
final class RestoreStaging {
  static final String PREFIX = ".swarmsnap-restore-";
  private static final String OWNER = "owner";
  /** An owner file is two short lines; anything longer was not written by us. */
  private static final int OWNER_MAX_BYTES = 256;

  private final Path directory;

  private RestoreStaging(Path directory) {
    this.directory = directory;
  }

  /** Creates {@code .swarmsnap-restore-<stamp>} (mode 0700) next to {@code swarmDir}, owned by this process. */
  static RestoreStaging create(Path swarmDir, String stamp) {
    Path directory = swarmDir.resolveSibling(PREFIX + stamp);
    try {
      Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      ProcessHandle self = ProcessHandle.current();
      String owner = "pid " + self.pid() + "\nstarted " + self.info().startInstant().map(Instant::toString).orElse("unknown") + "\n";
      Files.writeString(directory.resolve(OWNER), owner, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw DurableWriteException.of("creating", directory, e);
    }
    return new RestoreStaging(directory);
  }

  Path directory() {
    return directory;
  }

  /** Where the archive is extracted; {@code swarm/} inside it becomes the swarm directory. */
  Path extraction() {
    return directory.resolve("archive");
  }

  /** Removes this directory and what is left in it (the extraction, unless it was swapped in). */
  void remove() {
    new TreeRemover().removeTree(directory);
  }

  /**
   * Removes the working directories of earlier restores next to {@code swarmDir} whose owner
   * process is gone (a run killed during a long extraction leaves one behind).
   *
   * @return one line for each directory removed
   */
  static List<String> removeAbandoned(Path swarmDir) {
    List<String> removed = new ArrayList<>();
    Path parent = swarmDir.toAbsolutePath().getParent();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path sibling : siblings) {
        if (Files.isDirectory(sibling, LinkOption.NOFOLLOW_LINKS)) {
          Optional<String> owner = goneOwner(sibling);
          if (owner.isPresent()) {
            new TreeRemover().removeTree(sibling);
            removed.add("removed " + sibling + ", left by an earlier restore (" + owner.get() + ") that no longer runs");
          }
        }
      }
    } catch (IOException e) {
      // Nothing to clean up where the parent cannot be listed; the restore itself will say more.
    }
    return removed;
  }

  /** The owner recorded in {@code directory}, if there is one and it no longer runs. */
  private static Optional<String> goneOwner(Path directory) {
    Path file = directory.resolve(OWNER);
    String text;
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > OWNER_MAX_BYTES) {
        return Optional.empty();
      }
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return Optional.empty();
    }
    Long pid = null;
    String started = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("pid ")) {
        pid = parsePid(line.substring(4).trim());
      } else if (line.startsWith("started ")) {
        started = line.substring(8).trim();
      }
    }
    if (pid == null || started == null) {
      return Optional.empty();
    }
    String recorded = started;
    boolean running = ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        // The same pid with another start time is another process: the owner is gone.
        .map(p -> recorded.equals("unknown")
            || p.info().startInstant().map(Instant::toString).map(recorded::equals).orElse(true))
        .orElse(false);
    return running ? Optional.empty() : Optional.of("pid " + pid + ", started " + recorded);
  }

  private static Long parsePid(String text) {
    try {
      long pid = Long.parseLong(text);
      return pid > 0 ? pid : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
