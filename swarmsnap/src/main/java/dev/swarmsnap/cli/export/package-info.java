/** The {@code export} and {@code diff} commands: options, wiring and renderers. */
package dev.swarmsnap.cli.export;
