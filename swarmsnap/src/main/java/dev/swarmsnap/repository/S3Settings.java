package dev.swarmsnap.repository;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach an S3-compatible store beyond the bucket: the endpoint of a self-hosted store, path-
 * style addressing, and the environment the AWS settings are read from ({@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}, {@code AWS_REGION}, {@code AWS_PROFILE},
 * ...). Passed explicitly so tests and callers never depend on the process environment.
 *
 * @param partSize multipart uploads send parts of this many bytes; smaller files go in one request
 */
public record S3Settings(Optional<URI> endpoint, boolean pathStyle, Map<String, String> environment, int partSize) {
  /** S3's minimum part size; larger parts mean fewer requests, more memory per part in flight. */
  public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

  public S3Settings {
    environment = Map.copyOf(environment);
    if (partSize < 5 * 1024 * 1024) {
      throw new IllegalArgumentException("S3 parts must be at least 5 MiB");
    }
  }

  public S3Settings(Optional<URI> endpoint, boolean pathStyle, Map<String, String> environment) {
    this(endpoint, pathStyle, environment, DEFAULT_PART_SIZE);
  }
}
