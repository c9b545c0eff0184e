package dev.swarmsnap.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the compressed bytes read, for offsets in messages and read progress. */
final class CountingInputStream extends FilterInputStream {
  private final ProgressMeter meter;
  /** Written by the one thread that reads (maybe a read-ahead worker), read by any for messages. */
  private volatile long count;

  CountingInputStream(InputStream in, ProgressMeter meter) {
    super(in);
    this.meter = meter;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    advance(skipped);
    return skipped;
  }

  private void advance(long n) {
    count += n;
    meter.advance(n);
  }
}
