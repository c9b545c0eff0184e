/**
 * Rebuilds the swarmkit store from a snapshot plus committed raft entries, and maps the objects to
 * the read model (docs/swarm-state-format.md §4.7, §5.2). The place where generated protobuf types end: nothing
 * generated leaves this package through the read model. Must not import the CLI or engine.
 */
package dev.swarmsnap.swarmstate.store;
