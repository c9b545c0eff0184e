package dev.swarmsnap.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Reads {@code upstream} ahead on a thread of its own, so that costly upstream work (age
 * decryption) runs beside the reader's (zstd, tar, hashing) instead of before it: a thread pumps
 * upstream into a {@link ChunkPipe} the reader reads from. The reader sees upstream's bytes in order
 * and, after the last good one, upstream's own exception (the same object: callers look for its
 * type in the cause chain), again on every later read.
 */
final class ReadAheadInputStream extends InputStream {
  private static final long JOIN_MILLIS = 5_000;

  private final InputStream upstream;
  private final ChunkPipe pipe = new ChunkPipe();
  private final InputStream source = pipe.source();
  private final Thread worker;
  private boolean closed;

  ReadAheadInputStream(InputStream upstream, String threadName) {
    this.upstream = Objects.requireNonNull(upstream, "upstream");
    this.worker = new Thread(this::pump, threadName);
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public int read() throws IOException {
    requireOpen();
    return source.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    requireOpen();
    return source.read(b, off, len);
  }

  @Override
  public int available() throws IOException {
    return closed ? 0 : source.available();
  }

  /** Stops the worker and closes upstream; bytes read ahead are dropped. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    source.close();
    try {
      worker.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    upstream.close();
  }

  private void requireOpen() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
  }

  /** The worker: copies upstream into the pipe until its end, a failure, or the reader's close. */
  private void pump() {
    OutputStream sink = pipe.sink();
    byte[] buffer = new byte[ChunkPipe.CHUNK];
    try {
      try {
        int n;
        while (!pipe.readerGone() && (n = upstream.read(buffer)) >= 0) {
          sink.write(buffer, 0, n);
        }
        sink.close();
      } catch (IOException e) {
        pipe.fail(e);
      } catch (RuntimeException e) {
        pipe.fail(new IOException(e.getMessage(), e));
      }
    } catch (IOException interrupted) {
      // Handing over was interrupted: nobody is left to read.
    }
  }
}
