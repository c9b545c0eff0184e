package dev.swarmsnap.swarmstate.raft;

/** A protobuf record or envelope that does not decode; the caller adds file and offset. */
public final class MalformedRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
