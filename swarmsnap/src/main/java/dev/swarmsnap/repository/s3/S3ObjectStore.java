package dev.swarmsnap.repository.s3;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.repository.ObjectStore;
import dev.swarmsnap.repository.RepositoryException;
import dev.swarmsnap.repository.RepositoryLocation;
import dev.swarmsnap.repository.S3Settings;
import dev.swarmsnap.repository.TransferProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An {@link ObjectStore} in an S3 bucket under a key prefix. Every upload carries a Content-MD5 per
 * request, which S3 (and compatible stores) verify before accepting the bytes; large files go as a
 * multipart upload that becomes visible only when completed and is aborted on failure. The SDK's
 * standard retry strategy retries throttling and transient network errors with backoff. Not
 * thread-safe beyond what the SDK client is.
 */
public final class S3ObjectStore implements ObjectStore {
  /** User metadata on archives: their SHA-256, so a bucket listing alone can be checked. */
  static final String SHA256_METADATA = "swarmsnap-sha256";

  private final S3Client client;
  private final RepositoryLocation.S3 location;
  private final int partSize;

  S3ObjectStore(S3Client client, RepositoryLocation.S3 location, int partSize) {
    this.client = client;
    this.location = location;
    this.partSize = partSize;
  }

  /** Connects to the bucket of {@code location} as {@code settings} say; nothing is sent yet. */
  public static S3ObjectStore open(RepositoryLocation.S3 location, S3Settings settings) {
    return new S3ObjectStore(new S3Clients().build(settings), location, settings.partSize());
  }

  @Override
  public String describe() {
    return location.toString();
  }

  @Override
  public Optional<byte[]> read(String key, int maxBytes) {
    try (ResponseInputStream<GetObjectResponse> in =
        client.getObject(b -> b.bucket(location.bucket()).key(location.key(key)))) {
      byte[] content = in.readNBytes(maxBytes + 1);
      if (content.length > maxBytes) {
        throw new RepositoryException(ExitCode.FAILED, describe() + "/" + key + " is larger than " + maxBytes + " bytes",
            "it is not an object swarmsnap wrote; check --repo");
      }
      return Optional.of(content);
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException | IOException e) {
      throw failure("reading", key, e);
    }
  }

  @Override
  public void write(String key, byte[] content) {
    try {
      client.putObject(
          b -> b.bucket(location.bucket()).key(location.key(key)).contentLength((long) content.length)
              .contentMD5(md5(content, content.length)),
          RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw failure("writing", key, e);
    }
  }

  @Override
  public void upload(String key, Path file, String sha256, TransferProgress progress) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new RepositoryException("cannot read " + file + ": " + e.getMessage(), "check the archive file", e);
    }
    if (size <= partSize) {
      uploadWhole(key, file, sha256, size, progress);
    } else {
      uploadInParts(key, file, sha256, size, progress);
    }
  }

  private void uploadWhole(String key, Path file, String sha256, long size, TransferProgress progress) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RepositoryException("cannot read " + file + ": " + e.getMessage(), "check the archive file", e);
    }
    requireSha256(file, sha256, digest("SHA-256", content, content.length));
    try {
      client.putObject(
          b -> b.bucket(location.bucket()).key(location.key(key)).contentLength(size)
              .contentMD5(md5(content, content.length)).metadata(Map.of(SHA256_METADATA, sha256)),
          RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw failure("uploading " + file + " to", key, e);
    }
    progress.moved(size, size);
  }

  private void uploadInParts(String key, Path file, String sha256, long size, TransferProgress progress) {
    String fullKey = location.key(key);
    String uploadId;
    try {
      uploadId = client.createMultipartUpload(b -> b.bucket(location.bucket()).key(fullKey)
          .metadata(Map.of(SHA256_METADATA, sha256))).uploadId();
    } catch (SdkException e) {
      throw failure("starting the upload of " + file + " to", key, e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest whole = newDigest("SHA-256");
      List<CompletedPart> parts = new ArrayList<>();
      byte[] buffer = new byte[partSize];
      long sent = 0;
      int partNumber = 1;
      int length;
      while ((length = in.readNBytes(buffer, 0, partSize)) > 0) {
        whole.update(buffer, 0, length);
        int number = partNumber++;
        int partLength = length;
        String etag = client.uploadPart(
            b -> b.bucket(location.bucket()).key(fullKey).uploadId(uploadId).partNumber(number)
                .contentLength((long) partLength).contentMD5(md5(buffer, partLength)),
            RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, partLength))).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        sent += length;
        progress.moved(sent, size);
      }
      // The file must still be the archive the index describes, or the upload is not published.
      requireSha256(file, sha256, whole.digest());
      client.completeMultipartUpload(b -> b.bucket(location.bucket()).key(fullKey).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (IOException | SdkException | RepositoryException e) {
      abort(fullKey, uploadId, e);
      if (e instanceof RepositoryException known) {
        throw known;
      }
      if (e instanceof IOException io) {
        throw new RepositoryException("cannot read " + file + ": " + io.getMessage(), "check the archive file", io);
      }
      throw failure("uploading " + file + " to", key, e);
    }
  }

  private void abort(String fullKey, String uploadId, Exception cause) {
    try {
      client.abortMultipartUpload(b -> b.bucket(location.bucket()).key(fullKey).uploadId(uploadId));
    } catch (SdkException e) {
      // Unfinished parts are never visible as an object; a bucket lifecycle rule reclaims them.
      cause.addSuppressed(e);
    }
  }

  @Override
  public void download(String key, OutputStream out, TransferProgress progress) {
    try (ResponseInputStream<GetObjectResponse> in =
        client.getObject(b -> b.bucket(location.bucket()).key(location.key(key)))) {
      long total = Optional.ofNullable(in.response().contentLength()).orElse(-1L);
      byte[] buffer = new byte[1 << 16];
      long done = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        done += n;
        progress.moved(done, total);
      }
    } catch (NoSuchKeyException e) {
      throw new RepositoryException(ExitCode.NOT_FOUND, describe() + "/" + key + " does not exist",
          "the backup's archive is missing although its index exists; remove the backup with prune or by hand");
    } catch (SdkException | IOException e) {
      throw failure("downloading", key, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    String fullPrefix = location.key(prefix);
    int strip = location.prefix().isEmpty() ? 0 : location.prefix().length() + 1;
    try {
      List<String> keys = new ArrayList<>();
      for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(fullPrefix)).contents()) {
        keys.add(object.key().substring(strip));
      }
      return keys;
    } catch (SdkException e) {
      throw failure("listing", prefix, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      client.deleteObject(b -> b.bucket(location.bucket()).key(location.key(key)));
    } catch (SdkException e) {
      throw failure("deleting", key, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private RepositoryException failure(String action, String key, Exception e) {
    String where = describe() + "/" + key;
    if (e instanceof NoSuchBucketException) {
      return new RepositoryException(ExitCode.NOT_FOUND, "bucket " + location.bucket() + " does not exist ("
          + action + " " + where + ")", "create the bucket first, or check --repo and --s3-endpoint");
    }
    if (e instanceof S3Exception s3) {
      String code = s3.awsErrorDetails() == null ? "" : s3.awsErrorDetails().errorCode();
      return new RepositoryException(action + " " + where + " failed: " + s3.statusCode() + " " + code,
          s3.statusCode() == 403 ? "check the AWS credentials and the bucket policy"
              : "check the store's status and retry", e);
    }
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return new RepositoryException(action + " " + where + " failed: " + message,
        "check that the store is reachable (--s3-endpoint, network, credentials) and retry", e);
  }

  private static void requireSha256(Path file, String expected, byte[] actual) {
    String hex = HexFormat.of().formatHex(actual);
    if (!hex.equals(expected)) {
      throw new RepositoryException(ExitCode.FAILED, file + " changed since its backup record was made (SHA-256 "
          + hex.substring(0, 12) + "..., expected " + expected.substring(0, 12) + "...)", "take a new backup");
    }
  }

  private static String md5(byte[] content, int length) {
    return Base64.getEncoder().encodeToString(digest("MD5", content, length));
  }

  private static byte[] digest(String algorithm, byte[] content, int length) {
    MessageDigest digest = newDigest(algorithm);
    digest.update(content, 0, length);
    return digest.digest();
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + algorithm, e);
    }
  }
}
