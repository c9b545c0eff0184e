package dev.swarmsnap.swarmstate.raft;

import com.google.protobuf.CodedInputStream;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.proto.walpb.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Cuts the torn final record off a WAL segment copied from a running engine, as etcd's WAL repair
 * does (docs/swarm-state-format.md §4.6): the file is truncated just past the last record whose
 * CRC chain holds. A copy taken while dockerd appends can end inside a record the engine was still
 * writing (its length word is there, its bytes are partly zeros or partly missing); every earlier
 * record was complete when it was read, so the cut copy is the log as it stood a moment earlier.
 *
 * <p>Only the final frame may be bad: a bad record followed by another whole frame is damage, not a
 * write in progress, and is refused. Unlike {@link WalRecordReader}'s torn-write test this does not
 * need a zero sector: in a copy of a live file the unwritten part of a small record may share its
 * sector with written bytes. The chain is checked from the segment's own crc record (§4.3), so the
 * segment is judged alone. Stateless and thread-safe.
 */
public final class TornTail {
  private final Crc32c crc32c = new Crc32c();

  /**
   * What a cut removed.
   *
   * @param segment the truncated file
   * @param keptBytes its new length: the end of the last good record
   * @param droppedBytes bytes removed after it
   * @param detail what was found at the cut, for the manifest and messages
   */
  public record Cut(Path segment, long keptBytes, long droppedBytes, String detail) {}

  /**
   * Truncates {@code segment} after its last good record if its final frame is torn.
   *
   * @return the cut, or empty if the segment ends cleanly (nothing changed)
   * @throws CorruptStateException if a bad record is followed by more frames, or the segment does
   *     not start with a crc record
   */
  public Optional<Cut> cut(Path segment) {
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      Optional<Bad> bad = firstBad(segment, channel);
      if (bad.isEmpty()) {
        return Optional.empty();
      }
      channel.truncate(bad.get().offset());
      channel.force(true);
      return Optional.of(new Cut(segment, bad.get().offset(), size - bad.get().offset(), bad.get().detail()));
    } catch (IOException | UncheckedIOException e) {
      throw new CorruptStateException(segment, 0, "a readable WAL segment", String.valueOf(e.getMessage()), e);
    }
  }

  private record Bad(long offset, String detail) {}

  /** Where the log stops being good, if before the end of the file. */
  private Optional<Bad> firstBad(Path segment, FileChannel channel) throws IOException {
    WalFrameScanner scanner = new WalFrameScanner(channel);
    Integer running = null;
    WalFrame frame;
    while ((frame = scanner.next()) != null) {
      byte[] body = scanner.body();
      Optional<String> problem;
      Record rec = parse(body, frame);
      if (rec == null) {
        problem = Optional.of("a record that does not decode");
      } else if (running == null) {
        if (rec.getType() != WalRecord.CRC) {
          throw new CorruptStateException(segment, frame.offset(), "a crc record first in the segment", "type " + rec.getType());
        }
        running = rec.getCrc();
        problem = Optional.empty();
      } else if (rec.getType() == WalRecord.CRC) {
        problem = rec.getCrc() == running ? Optional.empty() : Optional.of("a crc record that breaks the chain");
      } else {
        int next = crc32c.update(running, rec.getData());
        problem = next == rec.getCrc() ? Optional.empty() : Optional.of("a record whose CRC does not match (torn write)");
        running = next;
      }
      if (problem.isPresent()) {
        if (scanner.next() != null) {
          throw new CorruptStateException(segment, frame.offset(), "a record whose CRC chain holds", problem.get()
              + ", followed by more records");
        }
        return Optional.of(new Bad(frame.offset(), problem.get()));
      }
    }
    WalEnd end = scanner.end();
    return end.kind().clean() ? Optional.empty() : Optional.of(new Bad(end.offset(), end.detail()));
  }

  private static Record parse(byte[] body, WalFrame frame) {
    try {
      return Record.parseFrom(CodedInputStream.newInstance(body, 0, frame.recordLength()));
    } catch (IOException e) {
      return null; // InvalidProtocolBufferException: not a record; nothing else is read here
    }
  }
}
