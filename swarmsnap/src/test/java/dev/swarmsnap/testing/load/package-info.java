/**
 * Load and observation for the hot-backup proofs, in-process over the engine's unix socket: a
 * steady config write load ({@link dev.swarmsnap.testing.load.ConfigChurn}) and a 50 ms API poller
 * ({@link dev.swarmsnap.testing.load.ApiPoller}).
 */
package dev.swarmsnap.testing.load;
