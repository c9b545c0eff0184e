/**
 * {@code verify}: every check on a swarm directory or archive, each OK / WARN / FAIL with a
 * reason: archive integrity, the reader's state checks (docs/swarm-state-format.md §7.1), certificate expiry and
 * the decoded store against the archive's API snapshot. Must not import the CLI or the engine.
 */
package dev.swarmsnap.core.verify;
