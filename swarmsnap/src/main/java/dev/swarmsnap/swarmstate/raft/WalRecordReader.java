package dev.swarmsnap.swarmstate.raft;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.proto.walpb.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the records of consecutive WAL segments, checking framing and the CRC chain that runs
 * across all records and segments (format doc §4.2, §4.3). One record is in memory at a time.
 *
 * <p>Torn tail (§4.6, as etcd): only in the last segment, a frame that runs past the end of file,
 * or a record that fails to parse or to match its CRC while some 512-byte sector of its frame is
 * all zeros, ends the log there. Anywhere else such damage is corruption and throws.
 */
public final class WalRecordReader {
  private static final int SECTOR = 512;
  private final Crc32c crc32c = new Crc32c();

  /**
   * Reads {@code segments} in order and hands each non-crc record to {@code sink}.
   *
   * @return how the last segment ends
   * @throws CorruptStateException naming file and offset on any damage that is not a torn tail
   */
  public WalTail read(List<WalSegment> segments, Consumer<WalRecord> sink) {
    int running = 0;
    WalTail tail = null;
    for (int s = 0; s < segments.size(); s++) {
      WalSegment seg = segments.get(s);
      boolean last = s == segments.size() - 1;
      try (FileChannel ch = FileChannel.open(seg.file(), StandardOpenOption.READ)) {
        WalFrameScanner scanner = new WalFrameScanner(ch);
        boolean first = true;
        WalFrame frame;
        while ((frame = scanner.next()) != null) {
          byte[] bytes = readFully(ch, frame.recordOffset(), frame.recordLength());
          Record rec;
          try {
            rec = Record.parseFrom(bytes);
          } catch (InvalidProtocolBufferException e) {
            if (last && hasZeroSector(ch, frame)) {
              return new WalTail(seg.file(), frame.offset(), true, "torn record: " + e.getMessage());
            }
            throw new CorruptStateException(
                seg.file(), frame.offset(), "a walpb.Record", "bytes that do not parse", e);
          }
          if (first && rec.getType() != WalRecord.CRC) {
            throw new CorruptStateException(
                seg.file(), frame.offset(), "a crc record first in the segment", "type " + rec.getType());
          }
          first = false;
          if (rec.getType() == WalRecord.CRC) {
            // a crc record carries the chain into this segment (§4.3)
            if (running != 0 && rec.getCrc() != running) {
              throw new CorruptStateException(
                  seg.file(),
                  frame.offset(),
                  String.format("crc record %08x continuing the previous segment", running),
                  String.format("%08x", rec.getCrc()));
            }
            running = rec.getCrc();
            continue;
          }
          byte[] data = rec.getData().toByteArray();
          int next = crc32c.update(running, data);
          if (next != rec.getCrc()) {
            if (last && hasZeroSector(ch, frame)) {
              return new WalTail(seg.file(), frame.offset(), true, "torn record (CRC mismatch)");
            }
            throw new CorruptStateException(
                seg.file(),
                frame.offset(),
                String.format("record CRC %08x (CRC-32C chain)", next),
                String.format("%08x", rec.getCrc()));
          }
          running = next;
          sink.accept(new WalRecord(seg.file(), frame.offset(), rec.getType(), data));
        }
        WalEnd end = scanner.end();
        if (!end.kind().clean()) {
          if (!last || end.kind() == WalEnd.Kind.BAD_LENGTH_WORD) {
            throw new CorruptStateException(
                seg.file(), end.offset(), "a WAL length word and a whole frame", end.detail());
          }
          tail = new WalTail(seg.file(), end.offset(), true, end.detail());
        } else {
          tail = new WalTail(seg.file(), end.offset(), false, end.detail());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tail;
  }

  private static byte[] readFully(FileChannel ch, long at, int len) throws IOException {
    // safe to allocate: the scanner only reports frames that lie inside the file
    ByteBuffer buf = ByteBuffer.allocate(len);
    while (buf.hasRemaining()) {
      if (ch.read(buf, at + buf.position()) < 0) {
        throw new IOException("file shrank while reading at offset " + at);
      }
    }
    return buf.array();
  }

  /** etcd's torn-write test: a chunk of the frame between 512-byte sector boundaries is all zero. */
  private static boolean hasZeroSector(FileChannel ch, WalFrame frame) throws IOException {
    long pos = frame.offset();
    while (pos < frame.end()) {
      long chunkEnd = Math.min(frame.end(), (pos / SECTOR + 1) * SECTOR);
      byte[] chunk = readFully(ch, pos, (int) (chunkEnd - pos));
      boolean zero = true;
      for (byte b : chunk) {
        if (b != 0) {
          zero = false;
          break;
        }
      }
      if (zero) {
        return true;
      }
      pos = chunkEnd;
    }
    return false;
  }
}
