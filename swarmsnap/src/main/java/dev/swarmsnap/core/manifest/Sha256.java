package dev.swarmsnap.core.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HexFormat;

/** A SHA-256 digest, written as 64 lowercase hex digits. */
public record Sha256(String hex) {
  public Sha256 {
    if (hex == null || !hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("'" + hex + "' is not a SHA-256 (64 lowercase hex digits)");
    }
  }

  @JsonCreator
  public static Sha256 parse(String hex) {
    return new Sha256(hex);
  }

  public static Sha256 of(byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + digest.length);
    }
    return new Sha256(HexFormat.of().formatHex(digest));
  }

  @JsonValue
  @Override
  public String hex() {
    return hex;
  }

  @Override
  public String toString() {
    return hex;
  }
}
