package dev.swarmsnap.engine;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/**
 * The engine answered a request with an error. The predicates recognise the engine's own messages
 * (verbatim in docs/engine-behaviour.md §2), which is the only way the API tells these situations apart.
 */
public final class EngineRequestException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String engineMessage;

  public EngineRequestException(String request, int statusCode, String engineMessage) {
    super(
        ExitCode.FAILED,
        "the engine refused " + request + " (HTTP " + statusCode + "): " + engineMessage,
        hintFor(engineMessage));
    this.statusCode = statusCode;
    this.engineMessage = engineMessage;
  }

  public int statusCode() {
    return statusCode;
  }

  public String engineMessage() {
    return engineMessage;
  }

  /** A manager that cannot reach a majority of managers. */
  public boolean isNoLeader() {
    return engineMessage.contains("does not have a leader");
  }

  /** A worker asked a manager-only question. */
  public boolean isNotManager() {
    return engineMessage.contains("not a swarm manager");
  }

  /** An autolocked manager after a restart, before {@code docker swarm unlock}. */
  public boolean isLocked() {
    return engineMessage.contains("needs to be unlocked");
  }

  private static String hintFor(String message) {
    if (message.contains("does not have a leader")) {
      return "fewer than half of the managers are reachable; see 'swarmsnap status'";
    }
    if (message.contains("needs to be unlocked")) {
      return "unlock the node first: docker swarm unlock";
    }
    if (message.contains("not a swarm manager")) {
      return "run this on a manager node";
    }
    return null;
  }
}
