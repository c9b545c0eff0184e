package dev.swarmsnap.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code upstream} ahead on a thread of its own, so that costly upstream work (age
 * decryption) runs beside the reader's (zstd, tar, hashing) instead of before it. At most {@code
 * depth} chunks wait in memory. The reader sees upstream's bytes in order and, after the last good
 * one, upstream's own exception (the same object: callers look for its type in the cause chain),
 * again on every later read.
 *
 * <p>Hand-written: the JDK's {@code PipedInputStream} polls once a second and ties itself to writer
 * threads, and no library we use offers a bounded read-ahead stream.
 */
final class ReadAheadInputStream extends InputStream {
  static final int CHUNK = 1 << 16;
  static final int DEPTH = 8;
  private static final long JOIN_MILLIS = 5_000;

  /** What the worker hands over: bytes, the end, or upstream's failure. */
  private sealed interface Item permits Bytes, End, Failure {}

  private record Bytes(byte[] data, int length) implements Item {}

  private record End() implements Item {}

  private record Failure(IOException error) implements Item {}

  private final InputStream upstream;
  private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(DEPTH);
  /**
   * Chunks the reader is done with, for the worker to fill again: fresh 64 KiB arrays for every
   * chunk cost more than decrypting them (first touches of new heap pages).
   */
  private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(DEPTH + 2);
  private final Thread worker;
  private volatile boolean closed;
  private Bytes current;
  private int position;
  private Item terminal;

  ReadAheadInputStream(InputStream upstream, String threadName) {
    this.upstream = Objects.requireNonNull(upstream, "upstream");
    this.worker = new Thread(this::fill, threadName);
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    if (current == null || position == current.length()) {
      if (!advance()) {
        return -1;
      }
    }
    int n = Math.min(len, current.length() - position);
    System.arraycopy(current.data(), position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return current == null ? 0 : current.length() - position;
  }

  /** Stops the worker and closes upstream; bytes read ahead are dropped. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    try {
      worker.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    upstream.close();
  }

  /** Moves to the next chunk; false at the end; throws upstream's failure. */
  private boolean advance() throws IOException {
    if (terminal == null) {
      Item next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for " + worker.getName());
      }
      if (next instanceof Bytes bytes) {
        if (current != null) {
          spare.offer(current.data());
        }
        current = bytes;
        position = 0;
        return true;
      }
      terminal = next;
    }
    if (terminal instanceof Failure failure) {
      throw failure.error();
    }
    return false;
  }

  /**
   * The worker: reads whole chunks until the end, a failure, or close. Bytes read before a failure
   * are handed over first, so the reader meets the failure exactly where upstream did.
   */
  private void fill() {
    while (!closed) {
      byte[] reused = spare.poll();
      byte[] chunk = reused != null ? reused : new byte[CHUNK];
      int filled = 0;
      IOException failure = null;
      boolean end = false;
      try {
        while (filled < chunk.length) {
          int n = upstream.read(chunk, filled, chunk.length - filled);
          if (n < 0) {
            end = true;
            break;
          }
          filled += n;
        }
      } catch (IOException e) {
        failure = e;
      } catch (RuntimeException e) {
        failure = new IOException(e.getMessage(), e);
      }
      if (filled > 0 && !offer(new Bytes(chunk, filled))) {
        return;
      }
      if (failure != null) {
        offer(new Failure(failure));
        return;
      }
      if (end) {
        offer(new End());
        return;
      }
    }
  }

  /** Waits for room, giving up once the reader has closed; false then. */
  private boolean offer(Item item) {
    try {
      while (!closed) {
        if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
