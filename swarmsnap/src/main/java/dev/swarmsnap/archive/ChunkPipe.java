package dev.swarmsnap.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe from one thread to another: what is written to {@link #sink()} comes out of
 * {@link #source()} in order, in chunks of 64 KiB, at most 8 of them waiting. Closing the sink ends
 * the source's stream; {@link #fail} ends it with an exception, which the source throws after the
 * last byte written before it. When the reading side closes first, later writes are dropped, so a
 * writer never waits on a reader that gave up.
 *
 * <p>Hand-written for the reasons of {@link WriteBehindOutputStream}: the JDK's piped streams poll
 * once a second and tie themselves to threads.
 */
final class ChunkPipe {
  static final int CHUNK = 1 << 16;
  static final int DEPTH = 8;
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(DEPTH);
  /** Full chunks the reader is done with; fresh arrays per chunk cost first touches of new pages. */
  private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(DEPTH + 2);
  private final Sink sink = new Sink();
  private final Source source = new Source();
  private volatile boolean readerGone;
  /** Set before the end is handed over, so the source sees it once it reaches the end. */
  private volatile IOException failure;

  OutputStream sink() {
    return sink;
  }

  InputStream source() {
    return source;
  }

  /** Ends the stream with {@code cause}: the source throws it (the same object) after the bytes before it. */
  void fail(IOException cause) throws IOException {
    failure = cause;
    sink.close();
  }

  /** Whether the reading side closed: a writer may stop producing. */
  boolean readerGone() {
    return readerGone;
  }

  private boolean hand(byte[] chunk) throws IOException {
    try {
      while (!readerGone) {
        if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while handing data on");
    }
  }

  private final class Sink extends OutputStream {
    private byte[] buffer = new byte[CHUNK];
    private int filled;
    private boolean closed;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (closed) {
        throw new IOException("pipe closed");
      }
      while (len > 0 && !readerGone) {
        int n = Math.min(len, CHUNK - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
        if (filled == CHUNK) {
          handOver();
        }
      }
    }

    /** Ends the stream: the source reads what is left, then its end. Idempotent. */
    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (filled > 0) {
        handOver();
      }
      hand(END);
    }

    private void handOver() throws IOException {
      byte[] chunk = filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled);
      hand(chunk);
      byte[] reused = spare.poll();
      buffer = reused != null ? reused : new byte[CHUNK];
      filled = 0;
    }
  }

  private final class Source extends InputStream {
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (readerGone) {
        throw new IOException("pipe closed");
      }
      if (len == 0) {
        return 0;
      }
      while (position == current.length) {
        if (ended) {
          if (failure != null) {
            throw failure;
          }
          return -1;
        }
        byte[] next;
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for data");
        }
        if (current.length == CHUNK) {
          spare.offer(current);
        }
        if (next == END) {
          ended = true;
          current = new byte[0];
        } else {
          current = next;
        }
        position = 0;
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }

    @Override
    public int available() {
      return current.length - position;
    }

    /** The reader gives up: what is in the pipe is dropped, and so is all the writer writes later. */
    @Override
    public void close() {
      readerGone = true;
      queue.clear();
    }
  }
}
