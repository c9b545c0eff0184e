/**
 * The backup archive file: a zstd-compressed PAX tar with {@code manifest.json} first
 * (docs/archive-format.md). Writes through {@code durable}, reads and verifies as a stream, and
 * extracts safely against hostile input. The only package importing commons-compress and zstd-jni;
 * their types never leave it. Depends on {@code archive.manifest} (the format model) and {@code
 * durable}, nothing else in core.
 */
package dev.swarmsnap.archive;
