package dev.swarmsnap.crypto;

import dev.swarmsnap.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A swarm unlock key, {@code SWMKEY-1-} + unpadded standard base64 of 32 bytes; those bytes are the
 * KEK, used directly with no KDF (docs/swarm-state-format.md §2.1). {@link #toString()} never shows the key.
 * Not thread-safe once {@link #wipe()} may be called concurrently.
 */
public final class UnlockKey {
  private static final String PREFIX = "SWMKEY-1-";

  /**
   * Prefix hashed in front of the KEK for {@link #fingerprint()}. The domain separation keeps the
   * fingerprint from equalling any other hash of the KEK someone might publish.
   */
  private static final byte[] FINGERPRINT_DOMAIN =
      "swarmsnap unlock-key fingerprint v1\0".getBytes(StandardCharsets.US_ASCII);

  private final byte[] kek;
  private final String fingerprint;

  private UnlockKey(byte[] kek) {
    this.kek = kek;
    this.fingerprint = computeFingerprint(kek);
  }

  /**
   * Parses the text a user pastes ({@code docker swarm unlock-key -q}); surrounding white space is
   * ignored.
   *
   * @throws BadInputException if it is not a {@code SWMKEY-1-} key of 32 bytes
   */
  /**
   * Parses key text held in a char array, without making an immutable String of it. The caller
   * still wipes {@code text}.
   */
  public static UnlockKey parse(char[] text) {
    byte[] ascii = new byte[text.length];
    for (int i = 0; i < text.length; i++) {
      ascii[i] = (byte) text[i];
    }
    try {
      int start = 0;
      int end = ascii.length;
      while (start < end && Character.isWhitespace(ascii[start])) {
        start++;
      }
      while (end > start && Character.isWhitespace(ascii[end - 1])) {
        end--;
      }
      byte[] prefix = PREFIX.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      if (end - start < prefix.length
          || !Arrays.equals(ascii, start, start + prefix.length, prefix, 0, prefix.length)) {
        throw notAKey("it does not start with " + PREFIX);
      }
      byte[] encoded = Arrays.copyOfRange(ascii, start + prefix.length, end);
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(encoded);
      } catch (IllegalArgumentException e) {
        throw notAKey("the part after " + PREFIX + " is not base64");
      } finally {
        Arrays.fill(encoded, (byte) 0);
      }
      if (raw.length != 32) {
        Arrays.fill(raw, (byte) 0);
        throw notAKey("it holds " + raw.length + " bytes instead of 32");
      }
      return new UnlockKey(raw);
    } finally {
      Arrays.fill(ascii, (byte) 0);
    }
  }

  public static UnlockKey parse(String text) {
    String t = text == null ? "" : text.strip();
    if (!t.startsWith(PREFIX)) {
      throw notAKey("it does not start with " + PREFIX);
    }
    byte[] raw;
    try {
      // Go writes RawStdEncoding (no padding); the JDK decoder accepts missing padding (§2.1)
      raw = Base64.getDecoder().decode(t.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw notAKey("the part after " + PREFIX + " is not base64");
    }
    if (raw.length != 32) {
      Arrays.fill(raw, (byte) 0);
      throw notAKey("it holds " + raw.length + " bytes instead of 32");
    }
    return new UnlockKey(raw);
  }

  /** A copy of the 32 KEK bytes; the caller wipes it after use. */
  public byte[] kek() {
    return kek.clone();
  }

  /**
   * {@code sha256:} and the first 16 hex digits of SHA-256("swarmsnap unlock-key fingerprint v1" NUL ‖ KEK). Identifies a
   * key in messages and reports without revealing it: 64 bits of a hash of 256 random bits.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** Overwrites the KEK in memory; the key is unusable afterwards. */
  public void wipe() {
    Arrays.fill(kek, (byte) 0);
  }

  @Override
  public String toString() {
    return "UnlockKey[" + fingerprint + "]";
  }

  /** Same fingerprint for keys given as 32 raw bytes (the KEK stored in the cluster object). */
  public static String fingerprintOf(byte[] kek) {
    return computeFingerprint(kek);
  }

  private static String computeFingerprint(byte[] kek) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(FINGERPRINT_DOMAIN);
      sha.update(kek);
      return "sha256:" + HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static BadInputException notAKey(String why) {
    return new BadInputException(
        "not a swarm unlock key: " + why,
        "give the key exactly as 'docker swarm unlock-key -q' printed it (SWMKEY-1-...)");
  }
}
