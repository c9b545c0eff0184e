package dev.swarmsnap.repository.s3;

import dev.swarmsnap.repository.S3Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the SDK client from {@link S3Settings}: credentials and region from the given environment
 * first ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN}, {@code
 * AWS_PROFILE}, {@code AWS_REGION}/{@code AWS_DEFAULT_REGION}), then the SDK's default chains
 * (profile files, instance roles). Stateless.
 */
final class S3Clients {
  /** Self-hosted stores ignore the region but the signature needs one. */
  private static final Region FALLBACK_REGION = Region.US_EAST_1;

  S3Client build(S3Settings settings) {
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60)))
        .region(region(settings.environment()))
        .credentialsProvider(credentials(settings.environment()))
        .forcePathStyle(settings.pathStyle())
        // We send Content-MD5 ourselves on every write, which every S3-compatible store verifies;
        // the SDK's newer trailing CRC checksums are not understood by all of them.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        // The default retry strategy (standard: 3 attempts, exponential backoff with jitter) applies;
        // the attempt timeout bounds one stalled request.
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(Duration.ofMinutes(5))
            .build());
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static Region region(Map<String, String> env) {
    Optional<String> named = value(env, "AWS_REGION").or(() -> value(env, "AWS_DEFAULT_REGION"));
    if (named.isPresent()) {
      return Region.of(named.get());
    }
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkClientException e) {
      return FALLBACK_REGION;
    }
  }

  private static AwsCredentialsProvider credentials(Map<String, String> env) {
    Optional<String> keyId = value(env, "AWS_ACCESS_KEY_ID");
    Optional<String> secret = value(env, "AWS_SECRET_ACCESS_KEY");
    if (keyId.isPresent() && secret.isPresent()) {
      Optional<String> token = value(env, "AWS_SESSION_TOKEN");
      return StaticCredentialsProvider.create(token.isPresent()
          ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
          : AwsBasicCredentials.create(keyId.get(), secret.get()));
    }
    Optional<String> profile = value(env, "AWS_PROFILE");
    if (profile.isPresent()) {
      return ProfileCredentialsProvider.create(profile.get());
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }
}
