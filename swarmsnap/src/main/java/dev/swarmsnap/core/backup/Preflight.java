package dev.swarmsnap.core.backup;

import java.util.List;

/**
 * The preflight's answer when a backup may go ahead.
 *
 * @param outage the swarm's management API will be down while this engine is stopped
 * @param needsConfirmation ask the person at the terminal before stopping the engine
 * @param warnings what the user should know, one sentence each
 */
public record Preflight(boolean outage, boolean needsConfirmation, List<String> warnings) {
  public Preflight {
    warnings = List.copyOf(warnings);
  }
}
