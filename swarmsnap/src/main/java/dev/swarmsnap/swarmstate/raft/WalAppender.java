package dev.swarmsnap.swarmstate.raft;

import dev.swarmsnap.swarmstate.proto.walpb.Record;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends records to the end of a WAL the way etcd's encoder does (docs/swarm-state-format.md §4.2, §4.3): each
 * record's {@code crc} continues the chain from the tail the reader found, each frame is a length
 * word ({@link LengthWord#encode}) + {@code walpb.Record} + zero padding to a multiple of 8. The
 * existing bytes up to the tail are never changed.
 *
 * <p>Why by hand: no Java library writes etcd WALs. The framing and the CRC are the reader's own
 * ({@link LengthWord}, {@link Crc32c}), so what this writes is what {@link WalRecordReader} checks.
 */
public final class WalAppender {
  private final Crc32c crc32c = new Crc32c();

  /** A record to append: its type ({@link WalRecord}) and data. */
  public record NewRecord(long type, byte[] data) {}

  /**
   * Writes {@code records} at {@code tail.validEnd()} of {@code tail.file()} and syncs the file.
   * A torn tail is overwritten and the file cut right after the new records, as etcd's repair cuts
   * it at the last good record (§4.6). The live segment's preallocated zeros after the valid end are
   * left as they are.
   *
   * @return the offset just past the last appended frame
   * @throws UncheckedIOException if the file cannot be written
   */
  public long append(WalTail tail, List<NewRecord> records) {
    try (FileChannel ch = FileChannel.open(tail.file(), StandardOpenOption.WRITE, StandardOpenOption.READ)) {
      long oldSize = ch.size();
      long position = tail.validEnd();
      int running = tail.crc();
      for (NewRecord r : records) {
        running = crc32c.update(running, r.data());
        byte[] record = Record.newBuilder().setType(r.type()).setCrc(running)
            .setData(ByteString.copyFrom(r.data())).build().toByteArray();
        position = writeFully(ch, frame(record), position);
      }
      if (tail.torn() && oldSize > position) {
        ch.truncate(position);
      }
      ch.force(true);
      return position;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + tail.file() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a new WAL segment holding only {@code records}, after the CRC record that starts every
   * segment; the chain starts from 0 as in the first segment etcd creates. The file must not exist.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public void create(Path file, List<NewRecord> records) {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
    }
    List<NewRecord> all = new ArrayList<>();
    all.add(new NewRecord(WalRecord.CRC, new byte[0]));
    all.addAll(records);
    append(new WalTail(file, 0, false, "new segment", 0), all);
  }

  private static ByteBuffer frame(byte[] record) {
    long word = LengthWord.encode(record.length);
    int padding = (int) ((8 - record.length % 8) % 8);
    ByteBuffer frame = ByteBuffer.allocate(8 + record.length + padding).order(ByteOrder.LITTLE_ENDIAN);
    frame.putLong(word).put(record);
    return frame.position(0);
  }

  private static long writeFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      position += ch.write(buffer, position);
    }
    return position;
  }
}
