package dev.swarmsnap.swarmstate;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs the checks of docs/swarm-state-format.md §7.1 on a swarm directory and reports each as a {@link Finding};
 * never throws for damaged input (a failed check becomes FAIL and the checks that depend on it
 * are skipped). Stateless and thread-safe.
 */
public final class SwarmStateVerifier {
  public VerifyReport verify(Path swarmDir, Optional<UnlockKey> unlockKey) {
    return verify(new DirectorySwarmFiles(swarmDir), unlockKey);
  }

  /**
   * As {@link #verify(Path, Optional)}, but replaying the WAL's entries up to {@code index} (at most
   * its last entry) whatever its commit index says: to learn what entries above the written commit
   * index hold (a hot copy, docs/engine-behaviour.md §4.6). Check 9 then counts those entries too.
   */
  public VerifyReport verifyThrough(Path swarmDir, Optional<UnlockKey> unlockKey, long index) {
    StateLoad load = new StateLoad(new DirectorySwarmFiles(swarmDir), unlockKey, false, false, OptionalLong.of(index));
    var state = load.run();
    return new VerifyReport(load.findings(), state);
  }

  /** As {@link #verify(Path, Optional)}, from any source of the swarm directory's files. */
  public VerifyReport verify(SwarmFiles files, Optional<UnlockKey> unlockKey) {
    StateLoad load = new StateLoad(files, unlockKey, false, false);
    var state = load.run();
    return new VerifyReport(load.findings(), state);
  }
}
