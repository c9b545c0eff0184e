package dev.swarmsnap.swarmstate.model;

import java.util.Map;
import java.util.Optional;

/**
 * A secret: name and labels only. {@code value} is empty unless the read was asked to reveal
 * secrets ({@code --reveal-secrets}); the value's {@code toString} stays redacted even then.
 */
public record SecretInfo(
    String id, String name, long version, Map<String, String> labels, Optional<SecretValue> value) {
  public SecretInfo {
    labels = Map.copyOf(labels);
  }
}
