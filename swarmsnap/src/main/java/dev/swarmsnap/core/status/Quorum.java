package dev.swarmsnap.core.status;

/**
 * Raft arithmetic over the managers the leader knows.
 *
 * @param managers raft members (nodes with a manager status)
 * @param reachable members the leader can reach
 */
public record Quorum(int managers, int reachable) {
  public Quorum {
    if (managers < 0 || reachable < 0 || reachable > managers) {
      throw new IllegalArgumentException("bad quorum counts: " + reachable + " of " + managers);
    }
  }

  /** Managers needed for a majority. */
  public int needed() {
    return managers / 2 + 1;
  }

  /** How many more managers may be lost before quorum is gone; negative when it already is. */
  public int tolerance() {
    return reachable - needed();
  }

  /** Whether quorum survives taking one more reachable manager down. */
  public boolean survivesStoppingOne() {
    return tolerance() >= 1;
  }
}
