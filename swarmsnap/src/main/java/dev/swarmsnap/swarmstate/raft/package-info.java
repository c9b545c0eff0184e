/**
 * etcd raft files as swarmkit writes them: WAL framing and CRC chain, WAL records, the raft log,
 * and {@code .snap} files (docs/swarm-state-format.md §3, §4). Knows nothing of keys beyond a decrypter it is given;
 * must not import the CLI, the engine, or the read model.
 */
package dev.swarmsnap.swarmstate.raft;
