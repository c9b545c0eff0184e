package dev.swarmsnap.swarmstate.raft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Walks the frames of one WAL segment front to back (docs/swarm-state-format.md §4.2). It never allocates by a
 * length word: a frame is reported only once it is known to lie entirely inside the file, and
 * {@link #body()} reads a frame's bytes as they arrive, so memory stays bounded by the largest
 * real record whatever the file claims.
 *
 * <p>Reads sequentially, so a segment can come from a file or from an archive entry. Not
 * thread-safe; the caller owns the stream. This is the one copy of the framing rules: the usage
 * measurement and the record reader both build on it.
 */
public final class WalFrameScanner {
  /**
   * Frames up to this size are read straight into an array of their length (one copy); a larger
   * one only as its bytes arrive, so a file that claims more than it holds costs at most this.
   */
  private static final int DIRECT_READ_LIMIT = 16 << 20;
  private final InputStream in;
  private final FileChannel channel;
  private final long size;
  private final byte[] word = new byte[8];
  private long position;
  private long streamPosition;
  private WalFrame current;
  private WalEnd end;

  /** Scans {@code channel} from offset 0; the file's size is read once, now. */
  public WalFrameScanner(FileChannel channel) throws IOException {
    this.channel = channel.position(0);
    this.in = Channels.newInputStream(channel);
    this.size = channel.size();
  }

  /** Scans {@code in}, which holds exactly {@code size} bytes of one segment from offset 0. */
  public WalFrameScanner(InputStream in, long size) {
    this.channel = null;
    this.in = in;
    this.size = size;
  }

  /**
   * Returns the next frame, or null once the scan has ended; then {@link #end()} says why. The
   * body of the previous frame, if not read, is skipped.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public WalFrame next() {
    if (end != null) {
      return null;
    }
    try {
      seek(position);
      current = null;
      long remaining = size - position;
      if (remaining == 0) {
        return stop(WalEnd.Kind.END_OF_FILE, "end of file");
      }
      if (remaining < 8) {
        return stop(WalEnd.Kind.TRUNCATED, remaining + " bytes, less than a length word");
      }
      readFully(word, 8);
      long raw = ByteBuffer.wrap(word).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
      if (raw == 0) {
        return stop(WalEnd.Kind.ZERO_LENGTH, "zero length word");
      }
      var decoded = LengthWord.decode(raw);
      if (decoded.isEmpty()) {
        return stop(WalEnd.Kind.BAD_LENGTH_WORD, String.format("length word 0x%016x", raw));
      }
      LengthWord lw = decoded.get();
      long frameBytes = 8 + lw.recordLength() + lw.padding();
      if (lw.recordLength() > Integer.MAX_VALUE - 16 || frameBytes > remaining) {
        return stop(
            WalEnd.Kind.TRUNCATED,
            "a frame of " + frameBytes + " bytes, but only " + remaining + " bytes remain");
      }
      current = new WalFrame(position, (int) lw.recordLength(), lw.padding());
      position = current.end();
      return current;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The record and padding bytes of the frame {@link #next()} just returned ({@code
   * recordLength + padding} bytes; the record is the first {@code recordLength}).
   */
  public byte[] body() {
    if (current == null || streamPosition != current.recordOffset()) {
      throw new IllegalStateException("body() only once, right after next() returned a frame");
    }
    try {
      int len = current.recordLength() + current.padding();
      byte[] body;
      if (len <= DIRECT_READ_LIMIT) {
        body = new byte[len];
        int n = in.readNBytes(body, 0, len);
        if (n != len) {
          body = Arrays.copyOf(body, n);
        }
      } else {
        // readNBytes grows its buffer as bytes arrive: a short file cannot force a large allocation
        body = in.readNBytes(len);
      }
      streamPosition += body.length;
      if (body.length != len) {
        throw new IOException("file shrank while reading at offset " + current.recordOffset());
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Why the scan ended, or null while frames remain. */
  public WalEnd end() {
    return end;
  }

  /** Drains the scan and returns the end of the last whole frame, without reading records. */
  public WalEnd scanToEnd() {
    while (next() != null) {
      // only the framing matters here
    }
    return end;
  }

  private WalFrame stop(WalEnd.Kind kind, String detail) {
    end = new WalEnd(kind, position, detail);
    current = null;
    return null;
  }

  private void seek(long to) throws IOException {
    if (channel != null) {
      channel.position(to);
    } else {
      in.skipNBytes(to - streamPosition);
    }
    streamPosition = to;
  }

  private void readFully(byte[] b, int len) throws IOException {
    int n = in.readNBytes(b, 0, len);
    streamPosition += n;
    if (n != len) {
      throw new IOException("file shrank while reading at offset " + position);
    }
  }
}
