package dev.swarmsnap.swarmstate.raft;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import dev.swarmsnap.swarmstate.proto.walpb.Record;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the records of consecutive WAL segments, checking framing and the CRC chain that runs
 * across all records and segments (docs/swarm-state-format.md §4.2, §4.3). One record is in memory at a time, and
 * each segment is read once, front to back, so segments may come from an archive stream.
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
  public WalTail read(SwarmFiles files, List<WalSegment> segments, Consumer<WalRecord> sink) {
    var state = new Object() {
      int running;
      int index;
      WalTail tail;
    };
    files.readInOrder(segments.stream().map(WalSegment::relative).toList(), (rel, in, size) -> {
      WalSegment seg = segments.get(state.index++);
      if (state.tail != null && state.tail.torn()) {
        return; // the log ended in an earlier segment; only the last may be torn (checked below)
      }
      boolean last = state.index == segments.size();
      try {
        WalFrameScanner scanner = new WalFrameScanner(in, size);
        boolean first = true;
        WalFrame frame;
        while ((frame = scanner.next()) != null) {
          byte[] body = scanner.body();
          Record rec;
          try {
            // aliasing: the data field stays a view of body instead of a second copy of the record
            CodedInputStream cis = CodedInputStream.newInstance(body, 0, frame.recordLength());
            cis.enableAliasing(true);
            rec = Record.parseFrom(cis);
          } catch (InvalidProtocolBufferException e) {
            if (last && hasZeroSector(frame, body)) {
              state.tail = new WalTail(seg.file(), frame.offset(), true, "torn record: its bytes do not decode as a WAL record", state.running);
              return;
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
            if (state.running != 0 && rec.getCrc() != state.running) {
              throw new CorruptStateException(
                  seg.file(),
                  frame.offset(),
                  String.format("crc record %08x continuing the previous segment", state.running),
                  String.format("%08x", rec.getCrc()));
            }
            state.running = rec.getCrc();
            continue;
          }
          ByteString data = rec.getData();
          int next = crc32c.update(state.running, data);
          if (next != rec.getCrc()) {
            if (last && hasZeroSector(frame, body)) {
              state.tail = new WalTail(seg.file(), frame.offset(), true, "torn record (CRC mismatch)", state.running);
              return;
            }
            throw new CorruptStateException(
                seg.file(),
                frame.offset(),
                String.format("record CRC %08x (CRC-32C chain)", next),
                String.format("%08x", rec.getCrc()));
          }
          state.running = next;
          sink.accept(new WalRecord(seg.file(), frame.offset(), rec.getType(), data));
        }
        WalEnd end = scanner.end();
        if (!end.kind().clean()) {
          if (!last || end.kind() == WalEnd.Kind.BAD_LENGTH_WORD) {
            throw new CorruptStateException(
                seg.file(), end.offset(), "a WAL length word and a whole frame", end.detail());
          }
          state.tail = new WalTail(seg.file(), end.offset(), true, end.detail(), state.running);
        } else {
          state.tail = new WalTail(seg.file(), end.offset(), false, end.detail(), state.running);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause() == null ? e : new CorruptStateException(
            seg.file(), 0, "a readable segment", e.getCause().getMessage(), e);
      }
    });
    return state.tail;
  }

  /** etcd's torn-write test: a chunk of the frame between 512-byte sector boundaries is all zero. */
  private static boolean hasZeroSector(WalFrame frame, byte[] body) {
    // the length word as written (§4.2), so a chunk holding part of it is judged on its real bytes
    long word = frame.recordLength()
        | (frame.padding() == 0 ? 0L : (0x80L | frame.padding()) << 56);
    long pos = frame.offset();
    while (pos < frame.end()) {
      long chunkEnd = Math.min(frame.end(), (pos / SECTOR + 1) * SECTOR);
      boolean zero = true;
      for (long p = pos; zero && p < chunkEnd; p++) {
        long i = p - frame.offset();
        zero = (i < 8 ? (word >>> (8 * i)) & 0xFF : body[(int) (i - 8)]) == 0;
      }
      if (zero) {
        return true;
      }
      pos = chunkEnd;
    }
    return false;
  }
}
