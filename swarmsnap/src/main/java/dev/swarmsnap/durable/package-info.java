/**
 * Durable, atomic publication of files: write to a hidden temp file beside the target, fsync it,
 * rename it over the final name, fsync the directory; plus private staging directories and their
 * symlink-safe removal. Depends only on {@code dev.swarmsnap.error}; imports no third-party library.
 */
package dev.swarmsnap.durable;
