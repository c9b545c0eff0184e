/** The {@code backup} command: options, progress on stderr, text and JSON rendering. */
package dev.swarmsnap.cli.backup;
