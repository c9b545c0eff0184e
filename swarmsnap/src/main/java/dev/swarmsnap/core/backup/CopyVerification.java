package dev.swarmsnap.core.backup;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.VerifyReport;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.util.stream.Collectors;

/** The rule every copy, cold or hot, must pass before it becomes an archive: verify found no FAIL. */
final class CopyVerification {
  private CopyVerification() {}

  /**
   * @return the verified state
   * @throws SwarmsnapException VERIFY_FAILED (exit 4) naming every failed check
   */
  static SwarmState verified(VerifyReport verify) {
    if (verify.failed() || verify.state().isEmpty()) {
      String failures = verify.findings().stream()
          .filter(f -> f.level() == Finding.Level.FAIL)
          .map(f -> f.check() + ": " + f.reason())
          .collect(Collectors.joining("; "));
      throw new SwarmsnapException(
          ExitCode.VERIFY_FAILED,
          "the copied state does not verify, so no archive was written: " + failures,
          "run 'swarmsnap verify " + "<swarm dir>' on this node's state to see every check");
    }
    return verify.state().get();
  }
}
