package dev.swarmsnap.swarmstate.raft;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WAL segment file named {@code %016x-%016x.wal} = sequence - first raft index (docs/swarm-state-format.md §4.1).
 *
 * @param relative its path inside the swarm directory, to open it through {@code SwarmFiles}
 * @param file where it is, for messages
 */
public record WalSegment(String relative, Path file, long sequence, long firstIndex) {
  private static final Pattern NAME = Pattern.compile("([0-9a-f]{16})-([0-9a-f]{16})\\.wal");

  /** Parses the file name ({@code relative}'s last segment), or empty if it is no segment name. */
  public static Optional<WalSegment> of(String relative, Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new WalSegment(relative, file,
        Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16)));
  }
}
