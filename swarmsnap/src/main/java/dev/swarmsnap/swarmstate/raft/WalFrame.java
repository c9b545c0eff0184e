package dev.swarmsnap.swarmstate.raft;

/**
 * One framed record inside a WAL segment, located but not yet read.
 *
 * @param offset file offset of the length word
 * @param recordLength length of the record bytes that follow the length word (fits an int: the
 *     whole frame was checked to lie inside the file)
 * @param padding zero bytes after the record
 */
public record WalFrame(long offset, int recordLength, int padding) {
  public long recordOffset() {
    return offset + 8;
  }

  /** Offset just past the padding: where the next length word starts. */
  public long end() {
    return offset + 8 + recordLength + padding;
  }
}
