package dev.swarmsnap.engine;

import java.util.List;

/**
 * The Docker Engine API, reduced to what swarmsnap reads and does. Every call has a timeout: an
 * engine can hang for good (e.g. {@code swarm unlock} on a node without quorum), and a hung call
 * surfaces as {@link EngineUnreachableException}.
 *
 * <p>Implementations are not required to be thread-safe.
 */
public interface EngineClient extends AutoCloseable {

  /** {@code GET /version}. */
  EngineVersion version();

  /** {@code GET /info}, the parts swarmsnap uses. */
  EngineInfo info();

  /**
   * {@code GET /nodes}: every node of the swarm as the managers see it.
   *
   * @throws EngineRequestException on a worker (503), a locked node (503), or without quorum (500)
   */
  List<SwarmNode> nodes();

  /** Where this client connects, for messages. */
  String endpoint();

  @Override
  void close();
}
