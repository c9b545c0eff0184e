/**
 * {@code swarmsnap lab ...}: thin picocli commands over {@code dev.swarmsnap.lab}, plus their renderers.
 * Must not import swarmsnap's core, engine or repository packages: the lab stays independent of the tool.
 */
package dev.swarmsnap.cli.lab;
