package dev.swarmsnap.swarmstate.raft;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds WAL framing byte by byte for framing tests (records are opaque bytes here). */
final class WalBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  WalBytes frame(byte[] record) {
    int pad = (8 - record.length % 8) % 8;
    long word = record.length;
    if (pad != 0) {
      word |= (long) (0x80 | pad) << 56;
    }
    return word(word).bytes(record).bytes(new byte[pad]);
  }

  WalBytes word(long word) {
    return bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(word).array());
  }

  WalBytes bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
