package dev.swarmsnap.archive;

import dev.swarmsnap.archive.ArchiveProblem.Kind;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.archive.manifest.Sha256;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * The content of one accepted entry as a stream for {@link ArchiveReader#read}: never more than
 * the manifest's stored length, hashed on the way, and at its end the length and SHA-256 are
 * checked against the manifest, so a reader that consumes an entry fully has also verified it.
 */
final class EntryStream extends InputStream {
  private final ArchiveCursor cursor;
  private final String archive;
  private final String entry;
  private final ManifestFile expected;
  private final MessageDigest digest = EntryContent.sha256();
  private final byte[] one = new byte[1];
  private long count;
  private boolean ended;

  EntryStream(ArchiveCursor cursor, String archive, String entry, ManifestFile expected) {
    this.cursor = cursor;
    this.archive = archive;
    this.entry = entry;
    this.expected = expected;
  }

  @Override
  public int read() {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (ended) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n = cursor.read(b, off, len);
    if (n < 0) {
      ended = true;
      checkEnd();
      return -1;
    }
    count += n;
    if (count > expected.storedLength()) {
      throw problem(Kind.OVERSIZED_ENTRY,
          "holds more than the " + expected.storedLength() + " bytes its manifest entry allows");
    }
    digest.update(b, off, n);
    return n;
  }

  private void checkEnd() {
    if (count != expected.storedLength()) {
      throw problem(Kind.LENGTH_MISMATCH,
          "holds " + count + " bytes but the manifest says " + expected.storedLength());
    }
    Sha256 actual = Sha256.of(digest.digest());
    Sha256 wanted = expected.sha256().orElseThrow();
    if (!actual.equals(wanted)) {
      throw problem(Kind.HASH_MISMATCH, "has SHA-256 " + actual + " but the manifest says " + wanted);
    }
  }

  private RuntimeException problem(Kind kind, String detail) {
    return new ArchiveProblem(kind, entry, detail).toException(archive);
  }
}
