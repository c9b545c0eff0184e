/**
 * The backup manifest: what was backed up, from which node and engine, and every file with its
 * mode, lengths and SHA-256; {@link dev.swarmsnap.archive.manifest.FormatVersion} and the JSON codec
 * (docs/archive-format.md). A leaf of core: depends only on {@code error} and Jackson, never on
 * the CLI, the engine, the archive container or other core packages.
 */
package dev.swarmsnap.archive.manifest;
