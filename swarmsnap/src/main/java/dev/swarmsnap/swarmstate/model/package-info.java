/**
 * The read model of a swarm's state: immutable records built from the decrypted raft store, with
 * every sensitive field left out (docs/swarm-state-format.md §5.2) except the explicit {@link
 * dev.swarmsnap.swarmstate.model.SecretValue}. Imports no protobuf, no BouncyCastle, nothing of
 * the CLI or engine.
 */
package dev.swarmsnap.swarmstate.model;
