/** {@code swarmsnap verify}: the command and its text renderer over {@code core.verify}'s result. */
package dev.swarmsnap.cli.verify;
