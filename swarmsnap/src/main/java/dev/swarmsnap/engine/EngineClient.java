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

  /** {@code GET /_ping}: true when the engine answers. Never throws. */
  boolean ping();

  /** {@code GET /nodes/{id}}. */
  SwarmNode node(String id);

  /**
   * The engine's own view of the swarm, for the backup to keep beside the raw state: one JSON
   * document per endpoint ({@code swarm}, {@code nodes}, {@code services}, {@code networks},
   * {@code configs}, {@code secrets}, {@code tasks}, {@code info}, {@code version}), keyed by that
   * name. Join tokens and config payloads are removed; secrets carry metadata only (the API never
   * returns their values).
   */
  java.util.SortedMap<String, byte[]> apiSnapshot();

  /**
   * {@code GET /swarm/unlockkey}: the current unlock key text ({@code SWMKEY-1-...}), empty when
   * autolock is off. The caller must wipe the returned array after use.
   */
  char[] unlockKey();

  /**
   * {@code POST /swarm/unlock}. Blocks until the node reaches a leader, which never happens without
   * quorum (docs/engine-behaviour.md §4.5): the request timeout bounds it.
   *
   * @throws EngineRequestException 401 for a wrong key, 409 when not locked
   */
  void unlock(char[] unlockKey);

  /**
   * {@code POST /swarm/init}. With {@code forceNewCluster} the node keeps its swarm state and
   * becomes the only manager of a new raft cluster (same cluster ID, objects and node ID,
   * docs/engine-behaviour.md §4.2). The request runs with an empty spec and autolock off, as {@code docker swarm
   * init --force-new-cluster} does.
   *
   * @param advertiseAddr {@code ip} or {@code ip:port}
   * @param listenAddr e.g. {@code 0.0.0.0:2377}
   * @return the node ID the engine reports
   * @throws EngineRequestException e.g. 503 on a locked node (moby#36852 on an autolocked one)
   */
  String swarmInit(boolean forceNewCluster, String advertiseAddr, String listenAddr);

  /**
   * Turns autolock on or off: {@code GET /swarm} for the spec and its version, then {@code POST
   * /swarm/update?version=N} with {@code rotateManagerUnlockKey=false}. Turning it on makes the
   * engine generate a new unlock key ({@link #unlockKey()} returns it).
   */
  void swarmUpdateAutolock(boolean autolock);

  /**
   * Turns autolock on with an unlock key nobody has seen yet: {@code POST /swarm/update} with
   * {@code AutoLockManagers=true} and {@code rotateManagerUnlockKey=true}, whether autolock was on
   * or off before ({@link #unlockKey()} returns the new key).
   */
  void autolockWithNewKey();

  /** {@code DELETE /nodes/{id}}; {@code force} removes a node that is not down. */
  void removeNode(String id, boolean force);

  /** Where this client connects, for messages. */
  String endpoint();

  @Override
  void close();
}
