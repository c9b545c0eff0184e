/**
 * Offline reader of Docker Swarm manager state ({@code /var/lib/docker/swarm}): the facade, disk
 * usage, and verify. Needs no running engine; must not import the CLI, the engine or picocli.
 */
package dev.swarmsnap.swarmstate;
