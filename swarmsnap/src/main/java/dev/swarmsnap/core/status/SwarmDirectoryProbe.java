package dev.swarmsnap.core.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads what {@code status} shows of the swarm directory: its size and certificate expiry. Never
 * fails the command: an unreadable directory is reported as a problem.
 */
public final class SwarmDirectoryProbe {

  public SwarmDirectoryFacts probe(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new SwarmDirectoryFacts(
          dir.toString(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of("no swarm directory at " + dir + " (not on this host, or not readable)"));
    }
    try {
      return new SwarmDirectoryFacts(
          dir.toString(),
          true,
          Optional.of(allocated(dir)),
          Optional.empty(),
          expiry(dir.resolve("certificates/swarm-node.crt")),
          expiry(dir.resolve("certificates/swarm-root-ca.crt")),
          Optional.empty());
    } catch (IOException | UncheckedIOException | CertificateException e) {
      return new SwarmDirectoryFacts(
          dir.toString(), true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of("cannot read " + dir + ": " + e.getMessage()));
    }
  }

  private static long allocated(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(SwarmDirectoryProbe::size).sum();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Instant> expiry(Path pem) throws IOException, CertificateException {
    if (!Files.isRegularFile(pem)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(pem)) {
      X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return Optional.of(cert.getNotAfter().toInstant());
    }
  }
}
