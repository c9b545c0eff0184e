/**
 * Reading files that come from outside: a swarm directory's small files, key, identity and
 * recipients files the user names. Only regular files, never more than a cap, never blocking on a
 * FIFO. Depends on nothing of swarmsnap but the error model.
 */
package dev.swarmsnap.input;
