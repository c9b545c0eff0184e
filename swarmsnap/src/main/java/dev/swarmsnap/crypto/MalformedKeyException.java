package dev.swarmsnap.crypto;

/**
 * Key material that does not parse (truncated DER, unknown algorithm). Callers that know the file
 * turn it into a corruption error naming that file.
 */
public final class MalformedKeyException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
