package dev.swarmsnap.core.automation;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What to do around one backup: hooks before and after, and where to write the metrics. */
public record AutomationSettings(Optional<Hook> preHook, Optional<Hook> postHook, Optional<Path> metricsFile) {
  public AutomationSettings {
    Objects.requireNonNull(preHook, "preHook");
    Objects.requireNonNull(postHook, "postHook");
    Objects.requireNonNull(metricsFile, "metricsFile");
  }

  public static AutomationSettings none() {
    return new AutomationSettings(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
