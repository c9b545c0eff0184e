/**
 * The logical model of a swarm's objects, shared by {@code export}, {@code diff} and {@code apply}:
 * services, networks, secrets and configs held as Engine API JSON specs (the moby API types'
 * PascalCase shape) that refer to each other by name, never by ID, plus the cluster settings worth
 * carrying. {@link dev.swarmsnap.logical.ExportDocumentCodec} reads and writes the versioned JSON
 * document of docs/export-format.md. Knows nothing of the CLI, the engine or the raft reader's
 * protobuf types.
 */
package dev.swarmsnap.logical;
