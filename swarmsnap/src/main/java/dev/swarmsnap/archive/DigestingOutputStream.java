package dev.swarmsnap.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Hashes and counts the archive's bytes on their way to the pending file, hands a copy to a mirror
 * (a check reading them as they go), and does not pass {@code close()} on: closing the compressor
 * must not close (and so abandon) the pending file before it is committed.
 */
final class DigestingOutputStream extends FilterOutputStream {
  private final MessageDigest digest = EntryContent.sha256();
  private final OutputStream mirror;
  private long count;

  DigestingOutputStream(OutputStream out, OutputStream mirror) {
    super(out);
    this.mirror = mirror;
  }

  long count() {
    return count;
  }

  byte[] digest() {
    return digest.digest();
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    mirror.write(b);
    digest.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    mirror.write(b, off, len);
    digest.update(b, off, len);
    count += len;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
