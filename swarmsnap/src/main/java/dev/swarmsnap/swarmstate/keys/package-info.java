/**
 * The node's key material: {@code swarm-node.key} (PEM with DEK headers), the node certificate
 * and root CA, and unlocking them with an unlock key (docs/swarm-state-format.md §2). Must not import the CLI,
 * the engine, the store or the read model.
 */
package dev.swarmsnap.swarmstate.keys;
