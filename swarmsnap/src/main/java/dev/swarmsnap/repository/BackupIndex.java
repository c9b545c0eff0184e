package dev.swarmsnap.repository;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The index record of one stored backup: the public part of its manifest plus what the repository
 * knows (size, SHA-256, verify result). Stored as {@code index/<id>.json}, small enough that {@code
 * list} and {@code prune} never download an archive. Fields are specified in
 * docs/repository-format.md; readers ignore unknown fields.
 *
 * @param id the lowercase hex SHA-256 of the archive bytes as stored; names both objects
 * @param archiveName the archive's standard file name, used when it is downloaded
 * @param archiveFormat the archive format version of the manifest
 * @param sizeBytes the archive's size as stored
 * @param encrypted whether the stored archive is encrypted (its manifest then cannot be read without the key)
 * @param unlockKeyFingerprint the autolock key's fingerprint ({@code sha256:...}), never the key
 * @param drill the last restore drill of this backup; empty until one ran (and in older records)
 */
public record BackupIndex(
    @JsonProperty(value = "index_version", required = true) int indexVersion,
    @JsonProperty(value = "id", required = true) String id,
    @JsonProperty(value = "created_at", required = true) Instant createdAt,
    @JsonProperty(value = "cluster_id", required = true) String clusterId,
    @JsonProperty(value = "hostname", required = true) String hostname,
    @JsonProperty(value = "node_id", required = true) String nodeId,
    @JsonProperty(value = "engine_version", required = true) String engineVersion,
    @JsonProperty(value = "tool_version", required = true) String toolVersion,
    @JsonProperty(value = "archive_name", required = true) String archiveName,
    @JsonProperty(value = "archive_format", required = true) int archiveFormat,
    @JsonProperty(value = "size", required = true) long sizeBytes,
    @JsonProperty(value = "sha256", required = true) String sha256,
    @JsonProperty(value = "encrypted", required = true) boolean encrypted,
    @JsonProperty(value = "autolock", required = true) boolean autolock,
    @JsonProperty("unlock_key_fingerprint") Optional<String> unlockKeyFingerprint,
    @JsonProperty(value = "verify", required = true) VerifyResult verify,
    @JsonProperty("drill") Optional<DrillRecord> drill) {

  /** The index record version this build writes and the newest it reads. */
  public static final int CURRENT_VERSION = 1;

  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{16,64}");
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  public BackupIndex {
    if (indexVersion < 1) {
      throw new IllegalArgumentException("index_version must be >= 1");
    }
    if (id == null || !HEX_SHA256.matcher(id).matches()) {
      throw new IllegalArgumentException("id must be 64 lowercase hex digits");
    }
    if (sha256 == null || !HEX_SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
    }
    Objects.requireNonNull(createdAt, "created_at");
    requireNonBlank(clusterId, "cluster_id");
    Objects.requireNonNull(hostname, "hostname");
    requireNonBlank(nodeId, "node_id");
    Objects.requireNonNull(engineVersion, "engine_version");
    Objects.requireNonNull(toolVersion, "tool_version");
    // The name becomes a file name on download: it must not carry a path.
    if (archiveName == null || !SAFE_NAME.matcher(archiveName).matches()) {
      throw new IllegalArgumentException("archive_name must be a plain file name");
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    unlockKeyFingerprint = Objects.requireNonNullElse(unlockKeyFingerprint, Optional.empty());
    unlockKeyFingerprint.ifPresent(f -> {
      if (!FINGERPRINT.matcher(f).matches()) {
        throw new IllegalArgumentException("unlock_key_fingerprint must look like sha256:<hex>; the key is never stored");
      }
    });
    Objects.requireNonNull(verify, "verify");
    drill = Objects.requireNonNullElse(drill, Optional.empty());
  }

  /** A record without a drill, as {@code backup} and {@code copy} write it. */
  public BackupIndex(
      int indexVersion, String id, Instant createdAt, String clusterId, String hostname, String nodeId,
      String engineVersion, String toolVersion, String archiveName, int archiveFormat, long sizeBytes, String sha256,
      boolean encrypted, boolean autolock, Optional<String> unlockKeyFingerprint, VerifyResult verify) {
    this(indexVersion, id, createdAt, clusterId, hostname, nodeId, engineVersion, toolVersion, archiveName,
        archiveFormat, sizeBytes, sha256, encrypted, autolock, unlockKeyFingerprint, verify, Optional.empty());
  }

  /** This record with {@code drill} as its last drill. */
  public BackupIndex withDrill(DrillRecord drill) {
    return new BackupIndex(indexVersion, id, createdAt, clusterId, hostname, nodeId, engineVersion, toolVersion,
        archiveName, archiveFormat, sizeBytes, sha256, encrypted, autolock, unlockKeyFingerprint, verify,
        Optional.of(drill));
  }

  private static void requireNonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
