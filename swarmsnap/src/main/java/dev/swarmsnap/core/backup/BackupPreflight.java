package dev.swarmsnap.core.backup;

import dev.swarmsnap.core.status.Concern;
import dev.swarmsnap.core.status.Safety;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a backup may stop this engine (or, with {@code --hot}, copy it while it runs), from
 * the status verdict and the user's options.
 * Pure. Refusals are exceptions with exit code UNSAFE (or NOT_A_MANAGER) whose hint names the way
 * out: a follower to run on, or the option that accepts the risk.
 */
public final class BackupPreflight {

  public Preflight check(Safety safety, BackupOptions options) {
    if (safety.has(Concern.NOT_IN_SWARM) || safety.has(Concern.WORKER)) {
      throw new SwarmsnapException(
          ExitCode.NOT_A_MANAGER,
          "refusing to back up: " + safety.reasons().get(0),
          safety.suggestion().orElse("run swarmsnap backup on a manager"));
    }
    if (safety.has(Concern.LOCKED) || safety.has(Concern.NOT_READY)) {
      throw refusal(safety, safety.suggestion().orElse(null));
    }
    if (options.hot()) {
      return hot(safety);
    }
    List<String> warnings = new ArrayList<>();
    boolean outage = false;
    if (safety.has(Concern.LEADER)) {
      if (!options.allowLeader()) {
        throw refusal(safety, safety.suggestion().orElse("pass --allow-leader to back up the leader anyway"));
      }
      warnings.add("backing up the leader: the managers elect a new leader while it is stopped");
    }
    if (safety.has(Concern.NO_QUORUM) || safety.has(Concern.QUORUM_LOSS)) {
      if (!options.acceptOutage()) {
        throw refusal(safety, "bring the unreachable managers back first, or pass --accept-outage to go ahead anyway");
      }
      outage = true;
      warnings.add("the swarm has no quorum while this engine is stopped: no changes to services, nodes or secrets"
          + " until it is back; running tasks keep running");
    }
    if (safety.has(Concern.SINGLE_MANAGER)) {
      outage = true;
      warnings.add("single-manager swarm: the management API is down while the engine is stopped;"
          + " running services keep running");
      if (!options.acceptOutage() && !options.interactive()) {
        throw new SwarmsnapException(
            ExitCode.UNSAFE,
            "refusing to back up: this is the only manager, so the swarm's management API is down during the backup",
            "pass --accept-outage to go ahead (running services keep running)");
      }
    }
    return new Preflight(outage, outage && !options.acceptOutage(), warnings);
  }

  /**
   * A hot copy stops nothing, so the leader, a single manager and a thin quorum are all fine. A
   * swarm without a leader is not: the API view the copy is checked against needs one.
   */
  private static Preflight hot(Safety safety) {
    if (safety.has(Concern.NO_QUORUM)) {
      throw refusal(safety, "a hot backup checks its copy against the swarm's API, which needs a leader;"
          + " take a cold backup with --accept-outage instead (without --hot)");
    }
    return new Preflight(false, false, List.of());
  }

  private static SwarmsnapException refusal(Safety safety, String hint) {
    return new SwarmsnapException(
        ExitCode.UNSAFE, "refusing to back up: " + String.join("; ", safety.reasons()), hint);
  }
}
