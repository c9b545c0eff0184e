package dev.swarmsnap.archive.manifest;

import java.util.regex.Pattern;

/**
 * Range checks on manifest values, so that a manifest naming an impossible state is refused as
 * corrupt when it is read (archive-format §3) instead of reaching a path, a chown or a size
 * computation. Each throws {@link IllegalArgumentException}, which the codec reports as an invalid
 * manifest.
 */
final class FieldRules {
  /** swarmkit IDs are base-36, lowercase (identity.NewID: 25 characters); never path characters. */
  private static final Pattern SWARM_ID = Pattern.compile("[0-9a-z]{1,64}");
  /**
   * {@code host:port}, or a bare host or IPv6 address (backup falls back to the node's address
   * when the engine reports no manager address): an IPv4 address or a name, or {@code [v6]}; no
   * spaces, slashes or controls.
   */
  private static final Pattern ADDRESS = Pattern.compile(
      "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(:[0-9]{1,5})?|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
  /** The largest uid or gid Linux can hold: (uid_t) -1 is reserved as "no change". */
  static final long MAX_ID = 4_294_967_294L;
  /** 1 TiB: no file of a swarm directory comes near it; lengths of 2^62 would overflow sums. */
  static final long MAX_LENGTH = 1L << 40;
  static final int MAX_TEXT = 255;

  private FieldRules() {}

  static void requireSwarmId(String value, String name) {
    if (value == null || !SWARM_ID.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " is not a swarm ID (1 to 64 characters of [0-9a-z])");
    }
  }

  static void requireText(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(name + " is longer than " + MAX_TEXT + " characters");
    }
    if (value.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
      throw new IllegalArgumentException(name + " holds control characters");
    }
  }

  static void requireAddress(String value, String name) {
    if (value == null || !ADDRESS.matcher(value).matches()
        || (value.matches(".*:[0-9]+") && Integer.parseInt(value.substring(value.lastIndexOf(':') + 1)) > 65_535)) {
      throw new IllegalArgumentException(name + " is not an address of the form host:port");
    }
  }

  static void requireOwner(long id, String name) {
    if (id < 0 || id > MAX_ID) {
      throw new IllegalArgumentException(name + " must be within 0.." + MAX_ID);
    }
  }

  static void requireLength(long length, String name) {
    if (length < 0 || length > MAX_LENGTH) {
      throw new IllegalArgumentException(name + " must be within 0.." + MAX_LENGTH + " (1 TiB)");
    }
  }
}
