package dev.swarmsnap.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One gauge metric family: a name, its HELP text and its samples.
 *
 * @param name {@code [a-zA-Z_:][a-zA-Z0-9_:]*}
 */
public record Gauge(String name, String help, List<Sample> samples) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  /** One value, with its labels (none for most of ours). */
  public record Sample(SortedMap<String, String> labels, double value) {
    public Sample {
      labels = new TreeMap<>(labels);
    }
  }

  public Gauge {
    Objects.requireNonNull(help, "help");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a metric name: " + name);
    }
    samples = List.copyOf(samples);
  }

  /** A gauge with one unlabelled value. */
  public static Gauge of(String name, String help, double value) {
    return new Gauge(name, help, List.of(new Sample(new TreeMap<>(), value)));
  }

  /** A gauge with one sample per value of {@code label}. */
  public static Gauge byLabel(String name, String help, String label, Map<String, ? extends Number> values) {
    return new Gauge(name, help, values.entrySet().stream()
        .map(e -> new Sample(new TreeMap<>(Map.of(label, e.getKey())), e.getValue().doubleValue()))
        .toList());
  }
}
