/**
 * {@code swarmsnap drill}: proves a backup restores. The archive is restored by the same {@code
 * RestoreService} as {@code restore}, into a throw-away {@link dev.swarmsnap.core.drill.Sandbox}
 * (never this host's engine); the objects the sandbox engine then lists are compared with the
 * archive's state ({@link dev.swarmsnap.core.drill.DrillComparison}); the time from the start of
 * the restore to a ready leader is the RTO. The sandbox is always removed.
 */
package dev.swarmsnap.core.drill;
