/**
 * {@code inspect}: opens a swarm directory or a swarmsnap archive (streamed, never extracted) as
 * {@link dev.swarmsnap.swarmstate.files.SwarmFiles} and reads the state offline. Uses the reader,
 * the archive and the manifest; must not import the CLI or the engine.
 */
package dev.swarmsnap.core.inspect;
