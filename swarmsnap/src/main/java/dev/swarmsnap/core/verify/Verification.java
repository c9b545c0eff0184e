package dev.swarmsnap.core.verify;

import dev.swarmsnap.swarmstate.Finding;
import java.util.List;

/**
 * The result of {@code verify}: every check run, in order.
 *
 * @param source the directory or archive verified
 * @param archive whether it was an archive
 * @param findings each check's level and reason
 */
public record Verification(String source, boolean archive, List<Finding> findings) {
  public Verification {
    findings = List.copyOf(findings);
  }

  /** Whether any check failed (exit code 4). */
  public boolean failed() {
    return findings.stream().anyMatch(f -> f.level() == Finding.Level.FAIL);
  }
}
