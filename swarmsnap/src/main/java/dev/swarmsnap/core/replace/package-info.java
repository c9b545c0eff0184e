/**
 * Replacing a manager's swarm state and bringing it up, shared by {@code restore} and {@code
 * recover}: the plan and its approval, the directory swap and its rollback, waiting for the engine
 * and for leadership, the start configuration, and the autolock hand-over with its new key.
 */
package dev.swarmsnap.core.replace;
