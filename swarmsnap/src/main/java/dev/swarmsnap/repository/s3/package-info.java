/**
 * The S3 object store over the AWS SDK for Java v2; the only package importing the SDK, whose types
 * never leave it. Failures are rethrown as {@link dev.swarmsnap.repository.RepositoryException}.
 */
package dev.swarmsnap.repository.s3;
