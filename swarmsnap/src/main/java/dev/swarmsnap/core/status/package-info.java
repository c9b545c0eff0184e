/**
 * Is it safe to take a cold backup on this node, now? {@link dev.swarmsnap.core.status.BackupSafety}
 * decides from facts (pure); {@link dev.swarmsnap.core.status.StatusService} gathers them. Never imports cli.
 */
package dev.swarmsnap.core.status;
