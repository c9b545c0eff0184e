package dev.swarmsnap.archive;

import dev.swarmsnap.archive.ArchiveProblem.Kind;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.archive.manifest.Sha256;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Streams the content of an accepted entry through SHA-256 into a sink, never past the manifest's
 * stored length, and compares length and hash with the manifest.
 */
final class EntryContent {
  /** Where content goes; throws only for its own (write) failures. */
  @FunctionalInterface
  interface Sink {
    Sink DISCARD = (buffer, length) -> {};

    void accept(byte[] buffer, int length) throws IOException;
  }

  private EntryContent() {}

  static Optional<ArchiveProblem> copy(ArchiveCursor cursor, String entry, ManifestFile expected, Sink sink)
      throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[1 << 16];
    long count = 0;
    int n;
    while ((n = cursor.read(buffer)) >= 0) {
      count += n;
      if (count > expected.storedLength()) {
        return Optional.of(new ArchiveProblem(
            Kind.OVERSIZED_ENTRY, entry, "holds more than the " + expected.storedLength() + " bytes its manifest entry allows"));
      }
      digest.update(buffer, 0, n);
      sink.accept(buffer, n);
    }
    if (count != expected.storedLength()) {
      return Optional.of(new ArchiveProblem(
          Kind.LENGTH_MISMATCH, entry, "holds " + count + " bytes but the manifest says " + expected.storedLength()));
    }
    Sha256 actual = Sha256.of(digest.digest());
    Sha256 wanted = expected.sha256().orElseThrow();
    if (!actual.equals(wanted)) {
      return Optional.of(new ArchiveProblem(
          Kind.HASH_MISMATCH, entry, "has SHA-256 " + actual + " but the manifest says " + wanted));
    }
    return Optional.empty();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
