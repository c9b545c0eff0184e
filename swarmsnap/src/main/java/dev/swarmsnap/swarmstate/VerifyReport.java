package dev.swarmsnap.swarmstate;

import dev.swarmsnap.swarmstate.model.SwarmState;
import java.util.List;
import java.util.Optional;

/** All findings of a verify run, and the state when it could be read. */
public record VerifyReport(List<Finding> findings, Optional<SwarmState> state) {
  public VerifyReport {
    findings = List.copyOf(findings);
  }

  public boolean failed() {
    return findings.stream().anyMatch(f -> f.level() == Finding.Level.FAIL);
  }
}
