/**
 * The error model shared by every package: {@link dev.swarmsnap.error.ExitCode} and the root
 * {@link dev.swarmsnap.error.SwarmsnapException}. Depends on nothing else in swarmsnap.
 */
package dev.swarmsnap.error;
