package dev.swarmsnap.crypto.age;

/**
 * A recipient or identity that does not parse, or a key file that cannot be read. The message
 * names the file and line, never an identity's text.
 */
public final class AgeKeyException extends Exception {
  private static final long serialVersionUID = 1L;

  public AgeKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
