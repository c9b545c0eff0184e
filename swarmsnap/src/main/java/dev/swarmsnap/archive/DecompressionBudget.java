package dev.swarmsnap.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps how many decompressed bytes may be read, so a small hostile archive cannot make us
 * decompress (or commons-compress buffer, for long-name and PAX headers) without bound. The cap is
 * set from the manifest; reading past it fails and {@link #exceeded()} turns true.
 */
final class DecompressionBudget extends FilterInputStream {
  private long position;
  private long limit;
  private boolean exceeded;

  DecompressionBudget(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  long position() {
    return position;
  }

  void limitTo(long absoluteLimit) {
    this.limit = absoluteLimit;
  }

  boolean exceeded() {
    return exceeded;
  }

  @Override
  public int read() throws IOException {
    if (position >= limit) {
      throw overBudget();
    }
    int b = super.read();
    if (b >= 0) {
      position++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (position >= limit) {
      throw overBudget();
    }
    int n = super.read(b, off, (int) Math.min(len, limit - position));
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipping must count too: read through a small buffer instead of the inner skip.
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private IOException overBudget() {
    exceeded = true;
    return new IOException("decompressed data exceeds the budget of " + limit + " bytes");
  }
}
