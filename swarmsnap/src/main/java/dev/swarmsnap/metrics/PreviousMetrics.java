package dev.swarmsnap.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one unlabelled value back from a metrics file written earlier, e.g. the last success
 * timestamp that a failed run must keep. Hand-written because the Prometheus Java client is an
 * exposition library without a text-format parser; it reads only the {@code name value} lines our
 * own writer produces. A missing or unreadable file means "no previous value": monitoring must
 * never fail a backup.
 */
public final class PreviousMetrics {

  public OptionalDouble value(Path file, String name) {
    if (!Files.isRegularFile(file)) {
      return OptionalDouble.empty();
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length >= 2 && fields[0].equals(name)) {
          return OptionalDouble.of(Double.parseDouble(fields[1]));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.empty();
  }

  /**
   * The value of {@code label} on the sample of {@code name} that is 1, e.g. which result of the
   * one-hot {@code swarmsnap_last_result} is set.
   */
  public Optional<String> setLabel(Path file, String name, String label) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Pattern sample = Pattern.compile(Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label) + "=\"([^\"]*)\"[^}]*}\\s+1(\\.0+)?\\s*");
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Matcher matcher = sample.matcher(line.strip());
        if (matcher.matches()) {
          return Optional.of(matcher.group(1));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
