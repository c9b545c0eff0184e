package dev.swarmsnap.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the drill that made a sandbox still runs: its pid alive, and, when the sandbox recorded
 * it ({@code drill-owner}: the process's start time), the same process rather than a reused pid.
 * The own process counts as gone: it runs one drill at a time, so a sandbox under its pid is left
 * from a dead process whose pid it inherited, or from an earlier drill that could not remove it.
 */
final class SandboxOwner {
  static final String FILE = "drill-owner";
  private static final long MAX_BYTES = 256;

  /** Records this process as the owner of the sandbox in {@code labDir}. */
  void record(Path labDir) throws IOException {
    Path file = labDir.resolve(FILE);
    Files.writeString(file, ProcessHandle.current().info().startInstant().map(Instant::toString).orElse("unknown") + "\n",
        StandardCharsets.US_ASCII);
  }

  boolean alive(SandboxName sandbox, Path labDir) {
    if (sandbox.pid() == ProcessHandle.current().pid()) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(sandbox.pid()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return false;
    }
    Optional<String> recorded = recordedStart(labDir.resolve(FILE));
    Optional<String> actual = process.get().info().startInstant().map(Instant::toString);
    return recorded.isEmpty() || actual.isEmpty() || recorded.get().equals(actual.get()) || recorded.get().equals("unknown");
  }

  private static Optional<String> recordedStart(Path file) {
    try {
      if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
