/**
 * Runs external commands (init systems, user hooks, key commands) with a hard timeout and captured
 * output. JDK only; knows nothing of swarms.
 */
package dev.swarmsnap.shell;
