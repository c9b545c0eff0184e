/**
 * Engine API adapter over docker-java's HTTP transport; the only package that imports docker-java.
 * Converts every library type and exception to the records and exceptions of {@code engine}.
 */
package dev.swarmsnap.engine.dockerjava;
