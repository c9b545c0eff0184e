package dev.swarmsnap.repository;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object names of layout version 1 (docs/repository-format.md): the config at the root, one index
 * record and one archive per backup, both named by the backup's ID. Stateless.
 */
public final class RepositoryLayout {
  /** The layout this build writes and the newest it reads. */
  public static final int VERSION = 1;

  public static final String CONFIG = "swarmsnap-repo.json";
  public static final String INDEX_DIR = "index/";
  public static final String ARCHIVE_DIR = "archives/";

  private static final Pattern INDEX_KEY = Pattern.compile("index/([0-9a-f]{64})\\.json");

  public String index(String id) {
    return INDEX_DIR + id + ".json";
  }

  public String archive(String id) {
    return ARCHIVE_DIR + id + ".swarmsnap";
  }

  /** The backup ID an index key names; empty for anything else under {@code index/} (temp files). */
  public Optional<String> idOfIndex(String key) {
    Matcher m = INDEX_KEY.matcher(key);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
