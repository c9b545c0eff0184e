package dev.swarmsnap.logical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code sha256:<hex>} digest by which documents compare secret values without holding or
 * showing them.
 */
public final class SecretDigest {
  public static final String PREFIX = "sha256:";

  private SecretDigest() {}

  public static String of(byte[] value) {
    try {
      return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Whether {@code text} has the shape of a digest this class writes. */
  public static boolean isWellFormed(String text) {
    return text.startsWith(PREFIX) && text.length() == PREFIX.length() + 64
        && text.substring(PREFIX.length()).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
        && text.getBytes(StandardCharsets.US_ASCII).length == text.length();
  }
}
