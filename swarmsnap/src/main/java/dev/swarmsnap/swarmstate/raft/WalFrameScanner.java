package dev.swarmsnap.swarmstate.raft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Walks the frames of one WAL segment, reading only the 8-byte length words (format doc §4.2).
 * It never allocates by a length word: a frame is reported only once it is known to lie entirely
 * inside the file, so memory stays constant whatever the file holds.
 *
 * <p>Not thread-safe; the caller owns the channel. This is the one copy of the framing rules: the
 * usage measurement and the record reader both build on it.
 */
public final class WalFrameScanner {
  private final FileChannel channel;
  private final long size;
  private final ByteBuffer word = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
  private long position;
  private WalEnd end;

  /** Scans {@code channel} from offset 0; the file's size is read once, now. */
  public WalFrameScanner(FileChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
  }

  /**
   * Returns the next frame, or null once the scan has ended; then {@link #end()} says why.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public WalFrame next() {
    if (end != null) {
      return null;
    }
    long remaining = size - position;
    if (remaining == 0) {
      return stop(WalEnd.Kind.END_OF_FILE, "end of file");
    }
    if (remaining < 8) {
      return stop(WalEnd.Kind.TRUNCATED, remaining + " bytes, less than a length word");
    }
    long raw = readWord(position);
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
    WalFrame frame = new WalFrame(position, (int) lw.recordLength(), lw.padding());
    position = frame.end();
    return frame;
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
    return null;
  }

  private long readWord(long at) {
    word.clear();
    try {
      while (word.hasRemaining()) {
        if (channel.read(word, at + word.position()) < 0) {
          throw new IOException("file shrank while reading at offset " + at);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return word.getLong(0);
  }
}
