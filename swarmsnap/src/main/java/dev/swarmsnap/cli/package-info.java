/**
 * The thin command-line layer: picocli commands, option mixins, text and JSON renderers, exit
 * codes, and the composition root. Parses, calls one use case, renders its result; nothing depends on it.
 */
package dev.swarmsnap.cli;
