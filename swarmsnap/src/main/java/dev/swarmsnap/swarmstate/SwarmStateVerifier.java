package dev.swarmsnap.swarmstate;

import dev.swarmsnap.crypto.UnlockKey;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs the checks of format doc §7.1 on a swarm directory and reports each as a {@link Finding};
 * never throws for damaged input (a failed check becomes FAIL and the checks that depend on it
 * are skipped). Stateless and thread-safe.
 */
public final class SwarmStateVerifier {
  public VerifyReport verify(Path swarmDir, Optional<UnlockKey> unlockKey) {
    StateLoad load = new StateLoad(swarmDir, unlockKey, false, false);
    var state = load.run();
    return new VerifyReport(load.findings(), state);
  }
}
