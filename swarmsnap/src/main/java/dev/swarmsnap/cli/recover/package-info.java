/** {@code swarmsnap recover}: options, and the report as text. */
package dev.swarmsnap.cli.recover;
