/**
 * Use cases on backup repositories: index records from a backup or an archive, picking a backup by
 * {@code latest} or ID prefix, listing, pruning by a retention policy, copying between repositories,
 * uploading after a backup and downloading for restore. Works through {@code dev.swarmsnap.repository};
 * never imports the AWS SDK, picocli or the engine.
 */
package dev.swarmsnap.core.repository;
