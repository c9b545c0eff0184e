package dev.swarmsnap.core.status;

import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.SwarmDirectoryUsage;
import dev.swarmsnap.swarmstate.keys.NodeCertificate;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads what {@code status} shows of the swarm directory: its size and certificate expiry. Never
 * fails the command: an unreadable directory is reported as a problem.
 */
public final class SwarmDirectoryProbe {
  private final SwarmDirectoryUsage usage = new SwarmDirectoryUsage();

  public SwarmDirectoryFacts probe(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new SwarmDirectoryFacts(
          dir.toString(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of("no swarm directory at " + dir + " (not on this host, or not readable)"));
    }
    try {
      SwarmDirectoryUsage.Usage usage = this.usage.measure(dir);
      return new SwarmDirectoryFacts(
          dir.toString(),
          true,
          Optional.of(usage.allocatedBytes()),
          Optional.of(usage.realDataBytes()),
          expiry(dir.resolve("certificates/swarm-node.crt")),
          expiry(dir.resolve("certificates/swarm-root-ca.crt")),
          Optional.empty());
    } catch (UncheckedIOException | SwarmsnapException e) {
      return new SwarmDirectoryFacts(
          dir.toString(), true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of("cannot read " + dir + ": " + e.getMessage()));
    }
  }

  private static Optional<Instant> expiry(Path pem) {
    if (!Files.isRegularFile(pem)) {
      return Optional.empty();
    }
    return NodeCertificate.readAll(pem).stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo);
  }
}
