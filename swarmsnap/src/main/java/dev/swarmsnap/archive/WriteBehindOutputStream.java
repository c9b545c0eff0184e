package dev.swarmsnap.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Passes what is written to it on to {@code downstream} from a thread of its own, so that costly
 * downstream work (age encryption) runs beside the writer's (tar, hashing, zstd) instead of after
 * it. At most {@code depth} chunks wait in memory; a writer that gets ahead blocks. Bytes reach
 * {@code downstream} in order; its failure is thrown to the writer at the next write, flush or
 * close. {@link #flush} and {@link #close} return only once {@code downstream} has had everything.
 *
 * <p>Hand-written: the JDK's {@code PipedOutputStream} polls once a second and ties itself to
 * reader threads, and no library we use offers a bounded write-behind stream.
 */
final class WriteBehindOutputStream extends OutputStream {
  static final int CHUNK = 1 << 16;
  static final int DEPTH = 8;

  /** A unit of work for the worker: bytes, a flush to confirm, or the end. */
  private sealed interface Item permits Bytes, Flush, End {}

  private record Bytes(byte[] data, int length) implements Item {}

  private record Flush(CountDownLatch done) implements Item {}

  private record End(CountDownLatch done) implements Item {}

  private final OutputStream downstream;
  private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(DEPTH);
  /**
   * Chunks the worker is done with, for the writer to fill again: fresh 64 KiB arrays for every
   * chunk cost more than encrypting them (first touches of new heap pages).
   */
  private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(DEPTH + 2);
  private final Thread worker;
  private volatile IOException failure;
  private byte[] buffer = new byte[CHUNK];
  private int filled;
  private boolean closed;

  WriteBehindOutputStream(OutputStream downstream, String threadName) {
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    this.worker = new Thread(this::drain, threadName);
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    requireOpen();
    while (len > 0) {
      int n = Math.min(len, buffer.length - filled);
      System.arraycopy(b, off, buffer, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == buffer.length) {
        handOver();
      }
    }
  }

  @Override
  public void flush() throws IOException {
    requireOpen();
    handOver();
    CountDownLatch done = new CountDownLatch(1);
    put(new Flush(done));
    await(done);
    rethrowFailure();
  }

  /** Hands over what is buffered, waits until {@code downstream} has written and closed. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (failure == null) {
        handOver();
      }
      CountDownLatch done = new CountDownLatch(1);
      put(new End(done));
      await(done);
    } finally {
      rethrowFailure();
    }
  }

  private void handOver() throws IOException {
    if (filled == 0) {
      return;
    }
    put(new Bytes(buffer, filled));
    byte[] reused = spare.poll();
    buffer = reused != null ? reused : new byte[CHUNK];
    filled = 0;
    rethrowFailure();
  }

  private void put(Item item) throws IOException {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while handing data to " + worker.getName());
    }
  }

  private void await(CountDownLatch done) throws IOException {
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + worker.getName());
    }
  }

  private void requireOpen() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    rethrowFailure();
  }

  private void rethrowFailure() throws IOException {
    IOException e = failure;
    if (e != null) {
      // A new exception carries the writer's stack; the worker's failure is its cause, whose
      // message callers see and whose type (e.g. a full disk) they may look for.
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * The worker: writes chunks in order; after a failure it only drains, so the writer never
   * blocks, and it ends at {@link End} only, so a waiting writer is always released.
   */
  private void drain() {
    while (true) {
      Item item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        fail(new InterruptedIOException(worker.getName() + " was interrupted"));
        continue;
      }
      if (item instanceof Bytes bytes) {
        if (failure == null) {
          try {
            downstream.write(bytes.data(), 0, bytes.length());
          } catch (IOException | RuntimeException e) {
            fail(e);
          }
        }
        spare.offer(bytes.data());
      } else if (item instanceof Flush flush) {
        if (failure == null) {
          try {
            downstream.flush();
          } catch (IOException | RuntimeException e) {
            fail(e);
          }
        }
        flush.done().countDown();
      } else if (item instanceof End end) {
        try {
          downstream.close();
        } catch (IOException | RuntimeException e) {
          fail(e);
        }
        end.done().countDown();
        return;
      }
    }
  }

  private void fail(Exception e) {
    if (failure == null) {
      failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }
}
