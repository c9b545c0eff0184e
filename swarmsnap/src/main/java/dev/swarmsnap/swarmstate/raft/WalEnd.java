package dev.swarmsnap.swarmstate.raft;

/**
 * Why the framing scan of one segment stopped (docs/swarm-state-format.md §4.6).
 *
 * @param kind the reason
 * @param offset where the scan stopped: the end of the last whole frame
 * @param detail what was found there, for messages
 */
public record WalEnd(Kind kind, long offset, String detail) {

  /** Reasons, from clean to damaged. */
  public enum Kind {
    /** A zero length word: the rest is preallocated space. Normal for the live segment. */
    ZERO_LENGTH,
    /** Physical end of file exactly at a frame boundary. Normal for closed segments. */
    END_OF_FILE,
    /** End of file inside a length word or inside a frame: a torn write if in the last file. */
    TRUNCATED,
    /** A length word no etcd writer produces (flags or padding wrong). */
    BAD_LENGTH_WORD;

    public boolean clean() {
      return this == ZERO_LENGTH || this == END_OF_FILE;
    }
  }
}
