package dev.swarmsnap.swarmstate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two JSON files dockerd and swarmkit read at start (swarm-state-format.md §1): {@code
 * docker-state.json} (dockerd's nodeStartConfig, which restore rewrites) and {@code state.json}
 * (swarmkit's known managers, an array of {@code node_id} and {@code addr}). Each must parse as
 * the expected shape with plausible values and stay small; anything else is damage a restore
 * must not hand to dockerd. Stateless.
 */
final class StartFiles {
  static final String DOCKER_STATE = "docker-state.json";
  static final String MANAGERS = "state.json";
  /** A real docker-state.json is ~200 bytes; state.json ~65 bytes per manager. */
  private static final long MAX_DOCKER_STATE = 64 << 10;
  private static final long MAX_MANAGERS_FILE = 1 << 20;
  private static final int MAX_TEXT = 255;

  /** host:port, the host an IPv4 address, a name or {@code [v6]} (dockerd writes net.JoinHostPort). */
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.%a-z0-9]+\\]|[A-Za-z0-9._-]+):[0-9]{1,5}");
  /** An IP address (v4 or v6) or an interface name, as dockerd's LocalAddr and DataPathAddr. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%_-]+");
  private static final Pattern SWARM_ID = Pattern.compile("[0-9a-z]{1,64}");

  private enum Shape { HOST_PORT, HOST_OR_HOST_PORT, HOST, NUMBER, BOOLEAN, POOLS }

  /** The fields of moby's nodeStartConfig (20.10 to 28); others, added later, are only size-bound. */
  private static final Map<String, Shape> FIELDS = Map.of(
      "LocalAddr", Shape.HOST,
      "RemoteAddr", Shape.HOST_PORT,
      "ListenAddr", Shape.HOST_PORT,
      "AdvertiseAddr", Shape.HOST_OR_HOST_PORT,
      "DataPathAddr", Shape.HOST,
      "DefaultAddressPool", Shape.POOLS,
      "SubnetSize", Shape.NUMBER,
      "DataPathPort", Shape.NUMBER,
      "JoinInProgress", Shape.BOOLEAN,
      "FIPS", Shape.BOOLEAN);

  /** Go's json.Unmarshal refuses anything after the value, so dockerd would too. */
  private final ObjectMapper json = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The problems found, empty when both files are sound ({@code state.json} may be absent). */
  List<String> problems(SwarmFiles files) {
    List<String> problems = new ArrayList<>();
    JsonNode start = parse(files, DOCKER_STATE, MAX_DOCKER_STATE, problems);
    if (start != null) {
      dockerState(start, problems);
    }
    if (files.isFile(MANAGERS)) {
      JsonNode managers = parse(files, MANAGERS, MAX_MANAGERS_FILE, problems);
      if (managers != null) {
        managers(managers, problems);
      }
    }
    return problems;
  }

  private JsonNode parse(SwarmFiles files, String name, long limit, List<String> problems) {
    long size = files.size(name);
    if (size > limit) {
      problems.add(name + " is " + size + " bytes; dockerd's is a few hundred (at most " + limit + " accepted)");
      return null;
    }
    try {
      JsonNode tree = json.readTree(files.readSmall(name));
      if (tree == null || tree.isMissingNode()) {
        problems.add(name + " is empty");
        return null;
      }
      return tree;
    } catch (JsonProcessingException e) {
      problems.add(name + " is not valid JSON" + (e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
      return null;
    } catch (IOException e) {
      problems.add(name + " cannot be read");
      return null;
    }
  }

  private static void dockerState(JsonNode start, List<String> problems) {
    if (!start.isObject()) {
      problems.add(DOCKER_STATE + " is not a JSON object");
      return;
    }
    for (var field : FIELDS.entrySet()) {
      JsonNode value = start.get(field.getKey());
      if (value != null && !value.isNull() && !fits(value, field.getValue())) {
        problems.add(DOCKER_STATE + " field " + field.getKey() + " is not " + describe(field.getValue()));
      }
    }
    if (!start.hasNonNull("ListenAddr") && !start.hasNonNull("AdvertiseAddr")) {
      problems.add(DOCKER_STATE + " has neither ListenAddr nor AdvertiseAddr: it is no swarm node's start configuration");
    }
  }

  private static void managers(JsonNode managers, List<String> problems) {
    if (!managers.isArray()) {
      problems.add(MANAGERS + " is not a JSON array of managers");
      return;
    }
    int i = 0;
    for (JsonNode m : managers) {
      if (!m.isObject() || !m.path("node_id").isTextual() || !SWARM_ID.matcher(m.path("node_id").asText()).matches()
          || !m.path("addr").isTextual() || !hostPort(m.path("addr").asText())) {
        problems.add(MANAGERS + " entry " + i + " is not {\"node_id\": a swarm ID, \"addr\": host:port}");
        return;
      }
      i++;
    }
  }

  private static boolean fits(JsonNode value, Shape shape) {
    return switch (shape) {
      case HOST_PORT -> value.isTextual() && (value.asText().isEmpty() || hostPort(value.asText()));
      case HOST_OR_HOST_PORT -> value.isTextual() && (value.asText().isEmpty() || hostPort(value.asText())
          || host(value.asText()));
      case HOST -> value.isTextual() && (value.asText().isEmpty() || host(value.asText()));
      case NUMBER -> value.canConvertToExactIntegral() && value.asLong(-1) >= 0 && value.asLong(-1) <= 65_535;
      case BOOLEAN -> value.isBoolean();
      case POOLS -> value.isArray() && value.size() <= 1024 && allHosts(value);
    };
  }

  private static boolean allHosts(JsonNode pools) {
    for (JsonNode p : pools) {
      if (!p.isTextual() || !p.asText().matches("[0-9A-Fa-f.:]+/[0-9]{1,3}")) {
        return false;
      }
    }
    return true;
  }

  private static boolean hostPort(String text) {
    return text.length() <= MAX_TEXT && HOST_PORT.matcher(text).matches()
        && Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)) <= 65_535;
  }

  private static boolean host(String text) {
    return text.length() <= MAX_TEXT && HOST.matcher(text).matches();
  }

  private static String describe(Shape shape) {
    return switch (shape) {
      case HOST_PORT -> "an address of the form host:port";
      case HOST_OR_HOST_PORT -> "an address (host or host:port)";
      case HOST -> "an IP address or interface name";
      case NUMBER -> "a number within 0..65535";
      case BOOLEAN -> "true or false";
      case POOLS -> "a list of CIDR address pools";
    };
  }
}
