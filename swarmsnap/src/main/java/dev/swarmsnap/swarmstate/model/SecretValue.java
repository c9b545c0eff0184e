package dev.swarmsnap.swarmstate.model;

/**
 * A secret's plaintext, reachable only through {@link #reveal()}; {@code toString}, equality and
 * hash never show it.
 */
public final class SecretValue {
  private final byte[] data;

  public SecretValue(byte[] data) {
    this.data = data.clone();
  }

  /** A copy of the secret's bytes. */
  public byte[] reveal() {
    return data.clone();
  }

  @Override
  public String toString() {
    return "SecretValue[redacted, " + data.length + " bytes]";
  }
}
