package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Autolock state at backup time. The unlock key itself is never stored: only a fingerprint, so a
 * restore can tell whether the key the user offers is the right one before touching anything.
 *
 * @param unlockKeyFingerprint {@code sha256:} and 16 to 64 lowercase hex digits of a SHA-256 over
 *     the key-encryption key
 * @param kekVersion the {@code kek-version} PEM header of {@code swarm-node.key} (§2.2)
 */
public record LockFacts(
    @JsonProperty(value = "autolock", required = true) boolean autolock,
    @JsonProperty("unlock_key_fingerprint") Optional<String> unlockKeyFingerprint,
    @JsonProperty("kek_version") Optional<Long> kekVersion) {

  private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{16,64}");

  public LockFacts {
    unlockKeyFingerprint = Objects.requireNonNullElse(unlockKeyFingerprint, Optional.empty());
    kekVersion = Objects.requireNonNullElse(kekVersion, Optional.empty());
    // The format check is also the guard against a caller passing the key (SWMKEY-1-...) here.
    unlockKeyFingerprint.ifPresent(
        f -> {
          if (!FINGERPRINT.matcher(f).matches()) {
            throw new IllegalArgumentException(
                "unlock_key_fingerprint must look like sha256:<hex>; the key itself is never stored");
          }
        });
    if (kekVersion.orElse(0L) < 0) {
      throw new IllegalArgumentException("kek_version must not be negative");
    }
  }
}
