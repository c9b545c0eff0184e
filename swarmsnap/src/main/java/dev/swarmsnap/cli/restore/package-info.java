/** The {@code restore} command: options, progress and confirmation on stderr, text and JSON rendering. */
package dev.swarmsnap.cli.restore;
