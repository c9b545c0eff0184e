package dev.swarmsnap.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.shell.ShellCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Parses a Prometheus text-format file with Prometheus' own parser: the official Python client's
 * {@code prometheus_client.parser} (Debian's python3-prometheus-client, installed by
 * scripts/setup.sh). No Java parser of the text format is published on Maven Central: the Java
 * client only writes it.
 */
public final class PrometheusText {
  private static final String PYTHON = "/usr/bin/python3";
  private static final String PARSE = String.join("\n",
      "import json, sys",
      "from prometheus_client.parser import text_string_to_metric_families",
      "out = []",
      "with open(sys.argv[1]) as f:",
      "    for fam in text_string_to_metric_families(f.read()):",
      "        for s in fam.samples:",
      "            out.append({'family': fam.name, 'type': fam.type, 'help': fam.documentation,",
      "                        'name': s.name, 'labels': s.labels, 'value': s.value})",
      "print(json.dumps(out))");

  private PrometheusText() {}

  /** One sample with the HELP and TYPE of its family. */
  public record Sample(String name, Map<String, String> labels, double value, String type, String help) {}

  /** Skips the calling test when the parser is not installed (run scripts/setup.sh). */
  public static void assumeParser() {
    assumeTrue(new ShellCommand().run(List.of(PYTHON, "-c", "import prometheus_client.parser"), Duration.ofSeconds(30))
        .succeeded(), "python3-prometheus-client is not installed (scripts/setup.sh installs it)");
  }

  /** Every sample of {@code file}; fails the test when the parser rejects the file. */
  public static List<Sample> parse(Path file) {
    ShellCommand.Result result = new ShellCommand().run(List.of(PYTHON, "-c", PARSE, file.toString()), Duration.ofSeconds(60));
    if (!result.succeeded()) {
      throw new AssertionError("the Prometheus parser rejects " + file + ": " + result.output());
    }
    try {
      List<Sample> samples = new ArrayList<>();
      for (JsonNode node : new ObjectMapper().readTree(result.output())) {
        Map<String, String> labels = new TreeMap<>();
        node.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        samples.add(new Sample(node.path("name").asText(), labels, node.path("value").asDouble(),
            node.path("type").asText(), node.path("help").asText()));
      }
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException(result.output(), e);
    }
  }

  /** The value of the unlabelled sample {@code name}, or of the one with {@code label=value}. */
  public static Optional<Double> value(List<Sample> samples, String name, String... labelAndValue) {
    Map<String, String> labels = new TreeMap<>();
    for (int i = 0; i + 1 < labelAndValue.length; i += 2) {
      labels.put(labelAndValue[i], labelAndValue[i + 1]);
    }
    return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).map(Sample::value).findFirst();
  }
}
