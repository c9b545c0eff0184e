package dev.swarmsnap.core.recover;

import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import dev.swarmsnap.core.replace.RestorePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a recovery does from the preflight's facts. Pure: the same facts give the same plan.
 * The plan has restore's shape ({@link RestorePlan}), so the same confirmation and text show it.
 * Refusals: an autolocked swarm without the unlock key or without a place for the new one, too
 * little disk for the working copy.
 */
public final class RecoverPlanner {
  /** Headroom over the working copy: the engine writes a preallocated WAL segment on start. */
  static final long START_HEADROOM_BYTES = 128L << 20;

  public RestorePlan plan(RecoverFacts facts) {
    List<String> checks = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    checks.add(facts.quorum().summary());
    checks.add("swarm state of node " + facts.nodeId() + " (" + facts.hostname() + ", cluster " + facts.clusterId()
        + ") read offline from " + facts.swarmDir() + ": " + facts.objects());
    if (facts.autolock()) {
      if (!facts.keyGiven()) {
        refusals.add("the swarm is autolocked: --force-new-cluster needs the node key unlocked offline, which needs"
            + " the current unlock key (--unlock-key-file, --unlock-key-env, --unlock-key-cmd or --unlock-key-stdin)");
      } else {
        checks.add("autolocked: the unlock key opens this node's key");
      }
      if (facts.newKey().isEmpty()) {
        refusals.add("the swarm is autolocked: turning autolock back on makes a new unlock key, and no place for it"
            + " was given (--new-unlock-key-file or --new-unlock-key-cmd)");
      }
    }
    long needed = facts.swarmBytes() + START_HEADROOM_BYTES;
    if (facts.freeBytes() < needed) {
      refusals.add("only " + facts.freeBytes() + " bytes are free next to " + facts.swarmDir() + "; the working copy and"
          + " the engine's start need about " + needed);
    } else {
      checks.add("disk: " + facts.freeBytes() + " bytes free next to " + facts.swarmDir() + ", about " + needed + " needed");
    }
    if (!facts.otherManagers().isEmpty()) {
      warnings.add("the other managers (" + String.join(", ", facts.otherManagers()) + ") leave the raft cluster: if one"
          + " comes back with its old state it runs as an agent only, until 'docker node demote' and 'docker node"
          + " promote' on this node, or it is wiped and joined again");
    }
    return new RestorePlan(checks, steps(facts), warnings, refusals, false);
  }

  private static List<String> steps(RecoverFacts facts) {
    List<String> steps = new ArrayList<>();
    steps.add("stop the engine (" + facts.engineControl() + ")");
    steps.add("copy " + facts.swarmDir() + " to a working copy " + facts.workingCopy() + " (modes and owners kept)");
    if (facts.autolock()) {
      steps.add("rewrite certificates/swarm-node.key of the working copy unlocked, offline"
          + " (a manager without quorum cannot be unlocked through the engine)");
    }
    steps.add("move " + facts.swarmDir() + " aside to " + facts.aside() + " (kept, never deleted) and rename the"
        + " working copy into place");
    steps.add("start the engine");
    steps.add("swarm init --force-new-cluster --advertise-addr " + facts.advertiseAddr()
        + " --listen-addr " + facts.listenAddr());
    steps.add("wait until node " + facts.nodeId() + " is an active, ready leader");
    if (facts.autolock()) {
      steps.add("turn autolock back on and hand the new unlock key to "
          + facts.newKey().map(NewUnlockKeyDestination::describe).orElse("(nowhere)"));
    }
    steps.add("compare the services, networks, configs and secrets the engine lists with the state read before");
    steps.add("on any failure before the node leads: stop the engine, put " + facts.swarmDir()
        + " back as it was, start the engine");
    return steps;
  }
}
