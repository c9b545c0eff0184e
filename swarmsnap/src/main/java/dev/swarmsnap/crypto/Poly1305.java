package dev.swarmsnap.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * One-shot Poly1305 (RFC 8439 §2.5) with five 26-bit limbs, as poly1305-donna-32: {@link #tag}
 * for NaCl's secretbox, {@link #aeadTag} for ChaCha20-Poly1305.
 *
 * <p>Why hand-written: BouncyCastle's {@code Poly1305} is the reference and the same algorithm,
 * but it assembles every 16-byte block through a buffer and byte-wise loads, which made it about
 * as costly as the cipher when {@code verify} authenticates every raft entry. Here the limbs stay
 * in locals and 4-byte words are read in place. {@code SecretBoxTest} checks it against
 * BouncyCastle on random keys and lengths and against published vectors; {@code
 * ChaCha20Poly1305Test} checks the AEAD form against the JDK. An instance lives for one tag.
 */
final class Poly1305 {
  private static final VarHandle LE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long M26 = 0x3ffffff;
  /** The 2^128 bit of a full 16-byte block, in the top limb. */
  private static final long FULL_BLOCK = 1L << 24;

  private final long r0;
  private final long r1;
  private final long r2;
  private final long r3;
  private final long r4;
  private final byte[] key;
  private long h0;
  private long h1;
  private long h2;
  private long h3;
  private long h4;

  private Poly1305(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("Poly1305 needs a 32-byte key");
    }
    this.key = key;
    // r, clamped (§2.5: r &= 0x0ffffffc0ffffffc0ffffffc0fffffff)
    r0 = u32(key, 0) & 0x3ffffff;
    r1 = (u32(key, 3) >>> 2) & 0x3ffff03;
    r2 = (u32(key, 6) >>> 4) & 0x3ffc0ff;
    r3 = (u32(key, 9) >>> 6) & 0x3f03fff;
    r4 = (u32(key, 12) >>> 8) & 0x00fffff;
  }

  /**
   * Writes the 16-byte tag of {@code len} bytes of {@code m} at {@code off} under the 32-byte
   * one-time {@code key} to {@code out} at {@code outOff} (§2.5: a final partial block gets a 1
   * byte, then zeros, and no 2^128 bit). {@code out} may overlap nothing it still needs: the tag is
   * written after the message was read.
   */
  static void tag(byte[] key, byte[] m, int off, int len, byte[] out, int outOff) {
    Objects.checkFromIndexSize(off, len, m.length);
    Objects.checkFromIndexSize(outOff, 16, out.length);
    Poly1305 mac = new Poly1305(key);
    int full = len & ~15;
    mac.blocks(m, off, full, FULL_BLOCK);
    if (full < len) {
      byte[] last = new byte[16];
      System.arraycopy(m, off + full, last, 0, len - full);
      last[len - full] = 1;
      mac.blocks(last, 0, 16, 0);
    }
    mac.finish(out, outOff);
  }

  /**
   * The tag of ChaCha20-Poly1305 without additional data (RFC 8439 §2.8): over {@code len} bytes
   * of ciphertext at {@code off} padded with zeros to 16, then {@code le64(0) ‖ le64(len)}. Reads
   * the ciphertext in place: a 64 KiB age chunk is never copied.
   */
  static void aeadTag(byte[] key, byte[] ciphertext, int off, int len, byte[] out, int outOff) {
    Objects.checkFromIndexSize(off, len, ciphertext.length);
    Objects.checkFromIndexSize(outOff, 16, out.length);
    Poly1305 mac = new Poly1305(key);
    int full = len & ~15;
    mac.blocks(ciphertext, off, full, FULL_BLOCK);
    byte[] tail = new byte[32];
    int rest = len - full;
    System.arraycopy(ciphertext, off + full, tail, 0, rest);
    int at = rest == 0 ? 16 : 0;
    LE_LONG.set(tail, 24, (long) len);
    mac.blocks(tail, at, 32 - at, FULL_BLOCK);
    mac.finish(out, outOff);
  }

  /** Absorbs {@code len} bytes (a multiple of 16) as blocks with {@code hibit} as their top bit. */
  private void blocks(byte[] m, int off, int len, long hibit) {
    final long r0 = this.r0;
    final long r1 = this.r1;
    final long r2 = this.r2;
    final long r3 = this.r3;
    final long r4 = this.r4;
    final long s1 = r1 * 5;
    final long s2 = r2 * 5;
    final long s3 = r3 * 5;
    final long s4 = r4 * 5;
    long h0 = this.h0;
    long h1 = this.h1;
    long h2 = this.h2;
    long h3 = this.h3;
    long h4 = this.h4;
    for (int at = off, end = off + len; at < end; at += 16) {
      h0 += u32(m, at) & M26;
      h1 += (u32(m, at + 3) >>> 2) & M26;
      h2 += (u32(m, at + 6) >>> 4) & M26;
      h3 += (u32(m, at + 9) >>> 6) & M26;
      h4 += (u32(m, at + 12) >>> 8) | hibit;
      long d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
      long d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
      long d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
      long d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
      long d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;
      long c = d0 >>> 26;
      h0 = d0 & M26;
      d1 += c;
      c = d1 >>> 26;
      h1 = d1 & M26;
      d2 += c;
      c = d2 >>> 26;
      h2 = d2 & M26;
      d3 += c;
      c = d3 >>> 26;
      h3 = d3 & M26;
      d4 += c;
      c = d4 >>> 26;
      h4 = d4 & M26;
      h0 += c * 5;
      c = h0 >>> 26;
      h0 &= M26;
      h1 += c;
    }
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
  }

  /** The final reduction mod 2^130 - 5, plus s, written as 16 little-endian bytes. */
  private void finish(byte[] out, int outOff) {
    long h0 = this.h0;
    long h1 = this.h1;
    long h2 = this.h2;
    long h3 = this.h3;
    long h4 = this.h4;
    // full carry
    long c = h1 >>> 26;
    h1 &= M26;
    h2 += c;
    c = h2 >>> 26;
    h2 &= M26;
    h3 += c;
    c = h3 >>> 26;
    h3 &= M26;
    h4 += c;
    c = h4 >>> 26;
    h4 &= M26;
    h0 += c * 5;
    c = h0 >>> 26;
    h0 &= M26;
    h1 += c;
    // g = h + 5 - 2^130; use it if it did not go negative (h >= p), in constant time
    long g0 = h0 + 5;
    c = g0 >>> 26;
    g0 &= M26;
    long g1 = h1 + c;
    c = g1 >>> 26;
    g1 &= M26;
    long g2 = h2 + c;
    c = g2 >>> 26;
    g2 &= M26;
    long g3 = h3 + c;
    c = g3 >>> 26;
    g3 &= M26;
    long g4 = h4 + c - (1L << 26);
    long useG = (g4 >>> 63) - 1; // all ones if g4 >= 0
    h0 = (h0 & ~useG) | (g0 & useG);
    h1 = (h1 & ~useG) | (g1 & useG);
    h2 = (h2 & ~useG) | (g2 & useG);
    h3 = (h3 & ~useG) | (g3 & useG);
    h4 = (h4 & ~useG) | (g4 & useG);
    // h mod 2^128, plus s (the key's second half), mod 2^128
    long w0 = (h0 | (h1 << 26)) & 0xffffffffL;
    long w1 = ((h1 >>> 6) | (h2 << 20)) & 0xffffffffL;
    long w2 = ((h2 >>> 12) | (h3 << 14)) & 0xffffffffL;
    long w3 = ((h3 >>> 18) | (h4 << 8)) & 0xffffffffL;
    long f = w0 + u32(key, 16);
    LE_INT.set(out, outOff, (int) f);
    f = w1 + u32(key, 20) + (f >>> 32);
    LE_INT.set(out, outOff + 4, (int) f);
    f = w2 + u32(key, 24) + (f >>> 32);
    LE_INT.set(out, outOff + 8, (int) f);
    f = w3 + u32(key, 28) + (f >>> 32);
    LE_INT.set(out, outOff + 12, (int) f);
  }

  private static long u32(byte[] b, int off) {
    return (int) LE_INT.get(b, off) & 0xffffffffL;
  }
}
