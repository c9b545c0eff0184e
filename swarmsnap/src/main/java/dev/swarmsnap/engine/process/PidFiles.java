package dev.swarmsnap.engine.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a daemon's pidfile and tells whether that process really runs (a zombie does not). */
final class PidFiles {

  Optional<Long> read(Path pidFile) {
    try {
      String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  boolean isAlive(long pid) {
    // kill(pid, 0) succeeds on a zombie, so read the state from /proc: 'Z' and 'X' are gone.
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
      char state = afterName.isEmpty() ? 'X' : afterName.charAt(0);
      return state != 'Z' && state != 'X';
    } catch (IOException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  boolean isRunning(Path pidFile) {
    return read(pidFile).map(this::isAlive).orElse(false);
  }
}
