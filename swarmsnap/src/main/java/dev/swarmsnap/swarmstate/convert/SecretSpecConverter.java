package dev.swarmsnap.swarmstate.convert;

import static dev.swarmsnap.swarmstate.convert.ProtoJson.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.proto.swarmkit.SecretSpec;

/**
 * A swarmkit {@code SecretSpec} as the Engine API's {@code SecretSpec}, mirroring moby's
 * {@code SecretFromGRPC} (daemon/cluster/convert/secret.go) except that {@code Data} is never put
 * in the tree: the value travels apart, redacted unless asked for.
 */
final class SecretSpecConverter {

  ObjectNode convert(SecretSpec s) {
    ObjectNode n = object();
    ProtoJson.annotations(n, s.getAnnotations());
    if (s.hasDriver()) {
      n.set("Driver", ProtoJson.driver(s.getDriver()));
    }
    if (s.hasTemplating()) {
      n.set("Templating", ProtoJson.driver(s.getTemplating()));
    }
    return n;
  }
}
