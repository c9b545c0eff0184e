package dev.swarmsnap.core.restore;

import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import dev.swarmsnap.core.replace.RestorePlan;
import dev.swarmsnap.core.replace.RaftAddresses;
import dev.swarmsnap.archive.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a restore does from the preflight's facts. Pure: no I/O, the same facts give the
 * same plan. Refusals: an engine older than the backup's, too little disk, an autolocked backup
 * without a place for the new unlock key, another address that is not an IP literal.
 */
public final class RestorePlanner {
  /** Headroom over the restored size: the engine writes a preallocated WAL segment on start. */
  static final long START_HEADROOM_BYTES = 128L << 20;

  public RestorePlan plan(RestoreFacts facts) {
    Manifest manifest = facts.manifest();
    boolean autolock = manifest.lock().autolock();
    List<String> checks = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> refusals = new ArrayList<>();

    checks.add("archive " + facts.archive() + ": every file hash checked while extracting to " + facts.staging());
    checks.add("swarm state of node " + manifest.node().nodeId() + " (" + manifest.node().hostname()
        + ", cluster " + manifest.node().clusterId() + ", backup of " + manifest.createdAt() + "): offline checks passed");
    if (autolock) {
      checks.add("autolocked backup: the unlock key opens its node key");
      if (facts.newKey().isEmpty()) {
        refusals.add("the backup is autolocked: re-locking the restored swarm makes a new unlock key, and no place"
            + " for it was given (--new-unlock-key-file or --new-unlock-key-cmd)");
      }
    }
    versions(facts, checks, warnings, refusals);
    if (facts.freeBytes() < START_HEADROOM_BYTES) {
      refusals.add("only " + facts.freeBytes() + " bytes are free next to " + facts.swarmDir()
          + " after extraction; the engine needs about " + START_HEADROOM_BYTES + " to start (WAL preallocation)");
    } else {
      checks.add("disk: " + facts.freeBytes() + " bytes free next to " + facts.swarmDir() + " after extraction");
    }
    boolean otherAddress = otherAddress(facts);
    if (otherAddress) {
      if (RaftAddresses.isIpLiteral(host(facts.advertiseAddr()))) {
        checks.add("other address: the backup's raft address is " + facts.backupRaftAddr() + "; this node will be "
            + newRaftAddr(facts) + " (written into the raft state offline before the engine starts:"
            + " the engine cannot change it, docker/for-linux#523)");
      } else {
        refusals.add("--advertise-addr " + facts.advertiseAddr() + " is not an IP address; restoring to an address"
            + " other than the backup's (" + facts.backupRaftAddr() + ") writes it into the raft state, so it must be"
            + " this host's IP");
      }
    }
    return new RestorePlan(checks, steps(facts, autolock), warnings, refusals, otherAddress);
  }

  /**
   * One check whether the engine runs or not: the running engine's version, or the version of the
   * binary that will start, is known before anything changes (an older swarmkit started on newer
   * state runs it as leader before anything could refuse it).
   */
  private static void versions(RestoreFacts facts, List<String> checks, List<String> warnings, List<String> refusals) {
    String backup = facts.manifest().engine().engineVersion();
    TargetEngine.Version target = facts.engine();
    if (target.version().isEmpty()) {
      if (target.skipCheck()) {
        warnings.add("the version of the engine that will start is unknown (" + target.source() + " told nothing),"
            + " and --skip-engine-version-check was given: an engine older than the backup's (" + backup
            + ") may not read its state");
      } else {
        refusals.add("the engine is stopped and the version of the engine that would start is unknown ("
            + target.source() + " told nothing); an engine older than the backup's (" + backup + ") must not start"
            + " on its state: name the binary with --dockerd PATH, start the engine first, or pass"
            + " --skip-engine-version-check");
      }
      return;
    }
    String current = target.version().get();
    if (EngineVersionOrder.compare(current, backup) < 0) {
      refusals.add("this engine (" + current + ", from " + target.source() + ") is older than the one that wrote the"
          + " backup (" + backup + "); an older swarmkit may not read newer state");
    } else {
      checks.add("engine version " + current + " (from " + target.source() + "; backup: " + backup + ")");
      if (EngineVersionOrder.major(current) > EngineVersionOrder.major(backup)) {
        warnings.add("this engine (" + current + ") is a newer major version than the backup's (" + backup
            + "): swarmkit migrates the state on start and an older engine cannot read it afterwards");
      }
    }
  }

  private static List<String> steps(RestoreFacts facts, boolean autolock) {
    List<String> steps = new ArrayList<>();
    steps.add(facts.engine().running()
        ? "stop the engine (" + facts.engineControl() + ")"
        : "the engine is stopped already; keep it stopped (" + facts.engineControl() + ")");
    steps.add(facts.swarmDirExists()
        ? "move " + facts.swarmDir() + " aside to " + facts.aside() + " (kept, never deleted)"
        : "no swarm directory at " + facts.swarmDir() + ": nothing to move aside");
    if (autolock) {
      steps.add("rewrite certificates/swarm-node.key of the restored state unlocked, offline"
          + " (an autolocked manager restored alone cannot be unlocked through the engine)");
    }
    steps.add("rewrite the restored raft state as a cluster with this node as its only manager, at "
        + newRaftAddr(facts) + (otherAddress(facts) ? " (moved from " + facts.backupRaftAddr() + ")" : "")
        + ", offline: one new snapshot of every committed object, the other managers removed (what"
        + " 'swarm init --force-new-cluster' does), docker-state.json pointed at " + host(facts.advertiseAddr())
        + "; then read it back with the offline reader");
    steps.add("rename the verified extraction into place at " + facts.swarmDir());
    steps.add("start the engine: it leads the one-manager cluster at once");
    steps.add("wait until node " + facts.manifest().node().nodeId() + " is an active, ready leader");
    steps.add(facts.staleManagers().isEmpty()
        ? "remove stale manager entries of the old cluster (none expected)"
        : "remove stale manager entries of the old cluster: " + String.join(", ", facts.staleManagers()));
    if (autolock) {
      steps.add("rotate the unlock key (autolock stays on; the backup-time key stops working) and hand the new key to "
          + facts.newKey().map(NewUnlockKeyDestination::describe).orElse("(nowhere)"));
    }
    steps.add("on any failure before the node leads: stop the engine, put " + facts.swarmDir()
        + " back as it was, start the engine");
    return steps;
  }

  /** Whether the restored manager gets another address than the backup's raft address. */
  static boolean otherAddress(RestoreFacts facts) {
    String old = host(facts.backupRaftAddr());
    return !old.isEmpty() && !old.equals(host(facts.advertiseAddr()));
  }

  /** The raft address at the new place: the advertised host, with its port or the backup's. */
  static String newRaftAddr(RestoreFacts facts) {
    String port = RaftAddresses.port(facts.advertiseAddr(), RaftAddresses.port(facts.backupRaftAddr(), "2377"));
    return RaftAddresses.join(host(facts.advertiseAddr()), port);
  }

  /** The host part of {@code ip}, {@code ip:port} or {@code [v6]:port}. */
  public static String host(String addr) {
    return RaftAddresses.host(addr);
  }
}
