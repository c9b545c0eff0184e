package dev.swarmsnap.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name of an archive: {@code swarm-<first 12 of the cluster ID>-<hostname>-<UTC
 * yyyyMMdd'T'HHmmss'Z'>.swarmsnap}. Names sort by time within a cluster and host, and carry enough
 * to list backups without opening them.
 *
 * @param clusterPrefix up to 12 characters of a swarmkit ID (lowercase base-36)
 * @param hostname already sanitised to {@code [A-Za-z0-9._-]}, at most 63 characters
 * @param createdAt whole seconds
 */
public record ArchiveName(String clusterPrefix, String hostname, Instant createdAt) {
  public static final String EXTENSION = ".swarmsnap";
  /** An age-encrypted archive: the same name with age's usual suffix. */
  public static final String ENCRYPTED_EXTENSION = EXTENSION + ".age";

  private static final int PREFIX_LENGTH = 12;
  private static final int MAX_HOSTNAME = 63;
  private static final Pattern CLUSTER = Pattern.compile("[a-z0-9]{1,12}");
  private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9._-]{1,63}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern NAME =
      Pattern.compile("swarm-([a-z0-9]{1,12})-([A-Za-z0-9._-]{1,63})-(\\d{8}T\\d{6}Z)\\.swarmsnap(?:\\.age)?");

  public ArchiveName {
    if (clusterPrefix == null || !CLUSTER.matcher(clusterPrefix).matches()) {
      throw new IllegalArgumentException("cluster ID prefix '" + clusterPrefix + "' is not 1-12 of [a-z0-9]");
    }
    if (hostname == null || !HOSTNAME.matcher(hostname).matches()) {
      throw new IllegalArgumentException("hostname '" + hostname + "' is not sanitised to [A-Za-z0-9._-]");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    if (!createdAt.truncatedTo(ChronoUnit.SECONDS).equals(createdAt)) {
      throw new IllegalArgumentException("createdAt must be whole seconds");
    }
  }

  /**
   * Builds the name for a backup: takes the first 12 characters of {@code clusterId}, replaces
   * every character of {@code hostname} outside {@code [A-Za-z0-9._-]} with {@code _} and cuts it
   * to 63, and drops sub-second precision.
   */
  public static ArchiveName of(String clusterId, String hostname, Instant createdAt) {
    String prefix = clusterId.substring(0, Math.min(PREFIX_LENGTH, clusterId.length()));
    String safeHost = hostname == null ? "" : hostname.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safeHost.isEmpty()) {
      safeHost = "unknown";
    }
    safeHost = safeHost.substring(0, Math.min(MAX_HOSTNAME, safeHost.length()));
    return new ArchiveName(prefix, safeHost, createdAt.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Parses a file name made by {@link #fileName()} or {@link #encryptedFileName()}; empty for any other name. */
  public static Optional<ArchiveName> parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Instant created = STAMP.parse(m.group(3), Instant::from);
      return Optional.of(new ArchiveName(m.group(1), m.group(2), created));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public String fileName() {
    return stem() + EXTENSION;
  }

  /** The name of the age-encrypted archive. */
  public String encryptedFileName() {
    return stem() + ENCRYPTED_EXTENSION;
  }

  private String stem() {
    return "swarm-" + clusterPrefix + "-" + hostname + "-" + STAMP.format(createdAt);
  }

  @Override
  public String toString() {
    return fileName();
  }
}
