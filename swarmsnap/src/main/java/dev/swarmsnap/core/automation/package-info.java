/**
 * What runs around an unattended backup: the scheduled-run check, the pre and post hooks with the
 * result in their environment, and the Prometheus metrics file. {@link
 * dev.swarmsnap.core.automation.AutomatedBackup} puts them in order; the rest is pure. Never imports cli.
 */
package dev.swarmsnap.core.automation;
