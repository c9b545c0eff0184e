/**
 * {@code swarmsnap recover}: a manager that survived a quorum loss becomes the one manager of a new
 * raft cluster built from its own state. Confirms the loss from the engine ({@link QuorumProbe}),
 * plans ({@link RecoverPlanner}), and forces the new cluster from a working copy of the swarm
 * directory so the original can be put back untouched ({@link RecoverRun}). Reuses restore's
 * directory swap, offline key rewrite and autolock handover.
 */
package dev.swarmsnap.core.recover;
