package dev.swarmsnap.swarmstate.raft;

import java.util.Optional;

/**
 * The 8-byte little-endian word in front of every WAL record (docs/swarm-state-format.md §4.2): the low 56 bits
 * are the record length; when bit 63 is set, bits 56–58 hold the number of zero padding bytes
 * that make the frame a multiple of 8.
 *
 * @param recordLength bytes of the {@code walpb.Record}, without padding
 * @param padding zero bytes after the record, 0–7
 */
record LengthWord(long recordLength, int padding) {

  /**
   * Decodes a raw word, or empty if no etcd writer could have produced it. etcd itself decodes
   * any word; we also demand the padding the writer computes, {@code (8 - len % 8) % 8}, and no
   * other bits in the top byte, so that a flipped or hostile word (say 2^60) is caught here and
   * never turned into an allocation.
   */
  /** The word etcd's encoder writes in front of a record of {@code recordLength} bytes. */
  static long encode(long recordLength) {
    long padding = (8 - recordLength % 8) % 8;
    return padding == 0 ? recordLength : recordLength | (0x80L | padding) << 56;
  }

  static Optional<LengthWord> decode(long raw) {
    long length = raw & 0x00FF_FFFF_FFFF_FFFFL;
    int top = (int) (raw >>> 56);
    int expectedPadding = (int) ((8 - length % 8) % 8);
    int padding;
    if (top == 0) {
      padding = 0;
    } else if ((top & 0xF8) == 0x80) {
      padding = top & 0x7;
    } else {
      return Optional.empty();
    }
    if (padding != expectedPadding) {
      return Optional.empty();
    }
    return Optional.of(new LengthWord(length, padding));
  }
}
