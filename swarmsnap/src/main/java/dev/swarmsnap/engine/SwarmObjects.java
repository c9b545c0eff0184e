package dev.swarmsnap.engine;

import java.util.List;

/**
 * The swarm's objects through the Engine API of a manager: list, create, update, remove services,
 * networks, secrets and configs. Specs travel as JSON text in the API's own shape, so a field of a
 * newer engine passes through unchanged. Every call has the endpoint's timeout; a hung call surfaces
 * as {@link EngineUnreachableException}, a refusal as {@link EngineRequestException}.
 */
public interface SwarmObjects extends AutoCloseable {

  /**
   * {@code GET /services}, {@code /secrets}, {@code /configs}, or {@code /networks} (swarm-scoped
   * networks only: a node's local {@code bridge}, {@code host} and {@code none} are not swarm objects).
   */
  List<SwarmObject> list(SwarmObjectKind kind);

  /** {@code GET /swarm}: the cluster's ID and settings. */
  SwarmCluster cluster();

  /**
   * {@code POST /<kind>/create} with the spec as it is (a secret's spec carries its {@code Data}).
   *
   * @return the new object's ID
   */
  String create(SwarmObjectKind kind, String specJson);

  /**
   * {@code POST /<kind>/<id>/update?version=N}. The engine refuses a stale version, and for secrets
   * and configs any change but {@code Labels}; networks cannot be updated at all.
   *
   * @throws IllegalArgumentException for a network
   */
  void update(SwarmObject current, String specJson);

  /** {@code DELETE /<kind>/<id>}. */
  void remove(SwarmObjectKind kind, String id);

  /** Where this client connects, for messages. */
  String endpoint();

  @Override
  void close();
}
