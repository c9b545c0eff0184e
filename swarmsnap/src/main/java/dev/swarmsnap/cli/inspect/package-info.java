/**
 * {@code swarmsnap inspect}: the command, its text renderer and its JSON view. Renders what
 * {@code core.inspect} returns; secret values appear only when revealed on request.
 */
package dev.swarmsnap.cli.inspect;
