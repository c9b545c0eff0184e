package dev.swarmsnap.error;

/**
 * The unlock key given is a well-formed key, but not the one that encrypts this swarm's node key
 * (docs/swarm-state-format.md §2.6). Both fingerprints are non-reversible, so they can be printed and compared.
 */
public class WrongUnlockKeyException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  public WrongUnlockKeyException(String givenFingerprint, String swarmDescription) {
    super(
        ExitCode.FAILED,
        "this unlock key does not open this swarm (key fingerprint "
            + givenFingerprint
            + ", "
            + swarmDescription
            + ")",
        "use the unlock key that was current when this swarm directory was written;"
            + " an unlock key from before 'docker swarm unlock-key --rotate' no longer works");
  }
}
