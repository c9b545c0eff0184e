/** {@code swarmsnap apply}: plan a document's objects against the live swarm, then create or update them. */
package dev.swarmsnap.cli.apply;
