package dev.swarmsnap.crypto.age;

import java.io.IOException;
import java.util.Objects;

/**
 * Decryption failed. An {@link IOException} so it can travel through the stream layers above the
 * decrypting stream (zstd, tar) unchanged; callers look for it in the cause chain.
 */
public final class AgeDecryptionException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, as far as age can tell. */
  public enum Kind {
    /** No given identity unwraps the file key: other recipients, or a damaged recipient stanza. */
    NO_MATCHING_IDENTITY,
    /** The header does not parse or its MAC does not match. */
    HEADER_DAMAGED,
    /** The file ends inside the header or before the first payload chunk. */
    TRUNCATED,
    /**
     * A payload chunk fails authentication: a changed byte, or a file cut short (age cannot tell
     * these apart: the last chunk of a cut file is not marked as last, so it fails the same way).
     */
    PAYLOAD_DAMAGED
  }

  private final Kind kind;

  public AgeDecryptionException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
