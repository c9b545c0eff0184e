/**
 * Where a swarm directory's files come from: a directory on disk, or (implemented outside, by the
 * archive's user) the entries of an archive read as a stream. Imports nothing of swarmsnap but the
 * error model.
 */
package dev.swarmsnap.swarmstate.files;
