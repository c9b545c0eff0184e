/** {@code swarmsnap prune}: retention over a backup repository. Thin: core.repository and core.retention decide. */
package dev.swarmsnap.cli.prune;
