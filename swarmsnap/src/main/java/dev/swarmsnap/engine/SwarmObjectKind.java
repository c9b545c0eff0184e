package dev.swarmsnap.engine;

/** The swarm objects {@link SwarmObjects} lists and changes, with their Engine API collection path. */
public enum SwarmObjectKind {
  NETWORK("networks"),
  SECRET("secrets"),
  CONFIG("configs"),
  SERVICE("services");

  private final String collection;

  SwarmObjectKind(String collection) {
    this.collection = collection;
  }

  /** The path segment of the API: {@code /services}, {@code /secrets/create}. */
  public String collection() {
    return collection;
  }
}
