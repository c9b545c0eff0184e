/**
 * Backup repositories: where archives and their small index records are kept off the host, a local
 * directory or an S3 bucket (docs/repository-format.md). {@link dev.swarmsnap.repository.ObjectStore}
 * is a dumb store of named objects; {@link dev.swarmsnap.repository.BackupRepository} adds the
 * versioned layout, the index records and the order of writes and deletes. Must not import core,
 * cli or engine; the AWS SDK is confined to {@code repository.s3}.
 */
package dev.swarmsnap.repository;
