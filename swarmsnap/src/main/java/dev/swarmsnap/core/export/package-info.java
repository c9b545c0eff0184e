/**
 * The logical {@code export} and {@code diff} use cases: swarm directories, archives and export
 * document files as {@link dev.swarmsnap.logical.LogicalSource}s, the document written to a file
 * (atomically, mode 0600, age-encrypted when asked) or a stream, and the rules for secret values.
 */
package dev.swarmsnap.core.export;
