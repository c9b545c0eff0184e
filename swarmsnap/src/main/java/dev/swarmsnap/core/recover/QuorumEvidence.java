package dev.swarmsnap.core.recover;

import java.util.List;

/**
 * What the engine and the network said about quorum, for the plan and the report.
 *
 * @param localNodeState {@code Swarm.LocalNodeState} of {@code /info}
 * @param engineError {@code Swarm.Error} of {@code /info} (empty when none)
 * @param nodeListError what {@code GET /nodes} answered instead of a list (empty when it listed)
 * @param knownManagers {@code Swarm.RemoteManagers} addresses, this node included
 * @param answering the managers that answered on their swarm port from here with a certificate of
 *     this swarm's CA, this node included
 */
public record QuorumEvidence(
    String localNodeState,
    String engineError,
    String nodeListError,
    List<String> knownManagers,
    List<String> answering) {
  public QuorumEvidence {
    knownManagers = List.copyOf(knownManagers);
    answering = List.copyOf(answering);
  }

  /** Managers needed for a majority of the known ones. */
  public int majority() {
    return knownManagers.size() / 2 + 1;
  }

  /** One line for the plan. */
  public String summary() {
    return "quorum lost: the engine reports '" + engineError + "'; " + answering.size() + " of "
        + knownManagers.size() + " managers answer from here (a majority is " + majority() + ")";
  }
}
