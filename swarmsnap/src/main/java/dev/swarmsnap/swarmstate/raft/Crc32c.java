package dev.swarmsnap.swarmstate.raft;

import com.google.protobuf.ByteString;
import java.util.zip.CRC32C;

/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) that can continue from any previous
 * value, with Go's {@code crc32.Update} semantics: {@code crc' = ~update(~crc, bytes)}.
 *
 * <p>Why not {@link java.util.zip.CRC32C} alone: the WAL chains one CRC across all records and all
 * segments, and a crc record seeds the chain with the previous segment's final value (docs/swarm-state-format.md
 * §4.3); the JDK class cannot be seeded. But CRCs are linear, so {@code update(crc, d) =
 * crc32c(d) ^ crc·x^(8·len(d)) mod P} (zlib's {@code crc32_combine}): large records take the JDK's
 * hardware-accelerated path plus one O(log len) multiplication, small ones the table.
 */
final class Crc32c {
  private static final int POLY = 0x82F63B78;
  /** Below this the table is faster than the combine's fixed cost. */
  private static final int COMBINE_FROM = 256;
  private final int[] table = new int[256];
  /** {@code x2n[k]} = x^(2^k) mod P, reflected. */
  private final int[] x2n = new int[32];

  Crc32c() {
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
      }
      table[i] = c;
    }
    int p = 1 << 30; // x^1
    x2n[0] = p;
    for (int k = 1; k < 32; k++) {
      p = multModP(p, p);
      x2n[k] = p;
    }
  }

  /** Continues {@code crc} (0 for a fresh start) over {@code len} bytes of {@code data}. */
  int update(int crc, byte[] data, int off, int len) {
    if (len >= COMBINE_FROM) {
      CRC32C jdk = new CRC32C();
      jdk.update(data, off, len);
      return (int) jdk.getValue() ^ multModP(xPow8n(len), crc);
    }
    int c = ~crc;
    for (int i = off; i < off + len; i++) {
      c = table[(c ^ data[i]) & 0xFF] ^ (c >>> 8);
    }
    return ~c;
  }

  int update(int crc, byte[] data) {
    return update(crc, data, 0, data.length);
  }

  /** As {@link #update(int, byte[], int, int)}, over the bytes of {@code data} without copying them. */
  int update(int crc, ByteString data) {
    int len = data.size();
    if (len >= COMBINE_FROM) {
      CRC32C jdk = new CRC32C();
      jdk.update(data.asReadOnlyByteBuffer());
      return (int) jdk.getValue() ^ multModP(xPow8n(len), crc);
    }
    int c = ~crc;
    for (int i = 0; i < len; i++) {
      c = table[(c ^ data.byteAt(i)) & 0xFF] ^ (c >>> 8);
    }
    return ~c;
  }

  /** a·b mod P for reflected polynomials (zlib's multmodp). */
  private static int multModP(int a, int b) {
    int m = 1 << 31;
    int p = 0;
    while (true) {
      if ((a & m) != 0) {
        p ^= b;
        if ((a & (m - 1)) == 0) {
          break;
        }
      }
      m >>>= 1;
      b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
    }
    return p;
  }

  /** x^(8·n) mod P (zlib's x2nmodp(n, 3)). */
  private int xPow8n(long n) {
    int p = 1 << 31; // x^0
    int k = 3;
    while (n != 0) {
      if ((n & 1) != 0) {
        p = multModP(x2n[k & 31], p);
      }
      n >>>= 1;
      k++;
    }
    return p;
  }
}
