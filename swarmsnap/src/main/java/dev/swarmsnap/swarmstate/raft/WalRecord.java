package dev.swarmsnap.swarmstate.raft;

import com.google.protobuf.ByteString;
import java.nio.file.Path;

/**
 * One CRC-checked WAL record (docs/swarm-state-format.md §4.2).
 *
 * @param file segment it came from
 * @param offset offset of its length word
 * @param type 1 metadata, 2 entry, 3 state, 4 crc, 5 snapshot
 * @param data the record's data field: a view of the frame's bytes, not a copy
 */
public record WalRecord(Path file, long offset, long type, ByteString data) {
  public static final long METADATA = 1;
  public static final long ENTRY = 2;
  public static final long STATE = 3;
  public static final long CRC = 4;
  public static final long SNAPSHOT = 5;
}
