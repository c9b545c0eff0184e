package dev.swarmsnap.error;

/**
 * Every exit code swarmsnap returns. The README and {@code swarmsnap --help} list the same table;
 * codes are stable: scripts rely on them.
 */
public enum ExitCode {
  OK(0, "success"),
  FAILED(1, "the operation failed (see the message)"),
  USAGE(2, "bad command line: unknown option, missing or malformed argument"),
  UNSAFE(3, "refused: doing this here and now is unsafe (leader, quorum, lock held, node locked)"),
  VERIFY_FAILED(4, "verification ran and found problems"),
  ENGINE_UNREACHABLE(5, "the Docker engine could not be reached or did not answer in time"),
  NOT_ROOT(6, "this needs root"),
  MISSING_DEPENDENCY(7, "a required program is not installed (dockerd, ip, nsenter, ...)"),
  NOT_FOUND(8, "a named thing does not exist (lab, node, file, backup)"),
  CONFLICT(9, "the name or resource is already in use"),
  NOT_A_MANAGER(10, "this node is not an active swarm manager"),
  PARTIAL(11, "partial: the backup was written locally, but storing it in the repository failed"),
  COMPARE_FAILED(12, "diff could not compare (diff exits 1 for: different)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
