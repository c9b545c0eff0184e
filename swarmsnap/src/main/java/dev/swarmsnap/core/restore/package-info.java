/**
 * Restore of one manager's archived swarm state: the pure {@link dev.swarmsnap.core.restore.RestorePlanner}
 * (what {@code --dry-run} prints) and {@link dev.swarmsnap.core.restore.RestoreService}, which runs
 * the plan through the engine ports and rolls back on failure. Must not import the CLI.
 */
package dev.swarmsnap.core.restore;
