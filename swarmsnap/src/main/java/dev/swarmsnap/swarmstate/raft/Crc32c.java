package dev.swarmsnap.swarmstate.raft;

/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) that can continue from any previous
 * value, with Go's {@code crc32.Update} semantics: {@code crc' = ~update(~crc, bytes)}.
 *
 * <p>Why not {@link java.util.zip.CRC32C}: the WAL chains one CRC across all records and all
 * segments, and a crc record seeds the chain with the previous segment's final value (format doc
 * §4.3). The JDK class cannot be seeded, so it only matches when reading from segment 0.
 */
final class Crc32c {
  private static final int POLY = 0x82F63B78;
  private final int[] table = new int[256];

  Crc32c() {
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
      }
      table[i] = c;
    }
  }

  /** Continues {@code crc} (0 for a fresh start) over {@code len} bytes of {@code data}. */
  int update(int crc, byte[] data, int off, int len) {
    int c = ~crc;
    for (int i = off; i < off + len; i++) {
      c = table[(c ^ data[i]) & 0xFF] ^ (c >>> 8);
    }
    return ~c;
  }

  int update(int crc, byte[] data) {
    return update(crc, data, 0, data.length);
  }
}
