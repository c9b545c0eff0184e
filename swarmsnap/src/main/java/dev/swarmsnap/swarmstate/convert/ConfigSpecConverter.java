package dev.swarmsnap.swarmstate.convert;

import static dev.swarmsnap.swarmstate.convert.ProtoJson.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.proto.swarmkit.ConfigSpec;
import java.util.Base64;

/**
 * A swarmkit {@code ConfigSpec} as the Engine API's {@code ConfigSpec}, mirroring moby's
 * {@code ConfigFromGRPC} (daemon/cluster/convert/config.go): {@code Data} as base64 (configs are
 * not secret), omitted when empty.
 */
final class ConfigSpecConverter {

  ObjectNode convert(ConfigSpec s) {
    ObjectNode n = object();
    ProtoJson.annotations(n, s.getAnnotations());
    if (!s.getData().isEmpty()) {
      n.put("Data", Base64.getEncoder().encodeToString(s.getData().toByteArray()));
    }
    if (s.hasTemplating()) {
      n.set("Templating", ProtoJson.driver(s.getTemplating()));
    }
    return n;
  }
}
