package dev.swarmsnap.logical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The normal form in which two specs of one object are compared, whatever source they came from (a
 * backup's raft store, a document file, a live engine), so that a diff shows only what a user
 * changed (docs/export-format.md, "Comparing documents"):
 *
 * <ul>
 *   <li>a field that is {@code null}, an empty object or an empty list is as good as absent (a store
 *       writes {@code Labels: {}} where the Engine API shows {@code null});</li>
 *   <li>a network's {@code IPAM.Config} that one side leaves empty was not requested: the swarm
 *       allocated the other side's subnet, so the pair is not compared; and inside a pair of
 *       configs a field only one side sets ({@code Gateway}, {@code IPRange}) is the allocator's
 *       and not compared either. A requested subnet that differs is still reported;</li>
 *   <li>cluster settings left at zero or empty are the engine's defaults ({@link #of(ClusterSettings,
 *       ClusterSettings)}).</li>
 * </ul>
 *
 * Pure; works on copies.
 */
public final class ComparableSpecs {
  /** moby's defaults for a swarm initialised without {@code --default-addr-pool} / {@code --data-path-port}. */
  private static final List<String> DEFAULT_ADDR_POOL = List.of("10.0.0.0/8");
  private static final int DEFAULT_SUBNET_SIZE = 24;
  private static final int DEFAULT_DATA_PATH_PORT = 4789;

  /** The two specs, each in normal form. */
  public record Pair(JsonNode a, JsonNode b) {}

  public Pair of(ObjectKind kind, JsonNode a, JsonNode b) {
    JsonNode x = prune(a.deepCopy());
    JsonNode y = prune(b.deepCopy());
    if (kind == ObjectKind.NETWORK && x instanceof ObjectNode xs && y instanceof ObjectNode ys) {
      requestedIpamOnly(xs, ys);
      x = prune(xs);
      y = prune(ys);
    }
    return new Pair(x, y);
  }

  /**
   * Two sides' cluster settings, each as one tree ({@code spec}, {@code defaultAddrPool}, {@code
   * subnetSize}, {@code dataPathPort}, {@code ingress}) in normal form: a setting left at zero or
   * empty means the engine's default (a store keeps it so, the Engine API shows the value it uses),
   * so it is written as that default; the ingress is compared as a network, and only when both sides
   * carry it (documents written before it was carried have none).
   */
  public Pair of(ClusterSettings a, ClusterSettings b) {
    ObjectNode x = tree(a);
    ObjectNode y = tree(b);
    if (a.ingress().isPresent() && b.ingress().isPresent()) {
      Pair ingress = of(ObjectKind.NETWORK, a.ingress().get(), b.ingress().get());
      x.set("ingress", ingress.a());
      y.set("ingress", ingress.b());
    }
    return new Pair(x, y);
  }

  private static ObjectNode tree(ClusterSettings c) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.set("spec", prune(c.swarmSpec()));
    (c.defaultAddrPool().isEmpty() ? DEFAULT_ADDR_POOL : c.defaultAddrPool()).forEach(n.putArray("defaultAddrPool")::add);
    n.put("subnetSize", c.subnetSize() == 0 ? DEFAULT_SUBNET_SIZE : c.subnetSize());
    n.put("dataPathPort", c.dataPathPort() == 0 ? DEFAULT_DATA_PATH_PORT : c.dataPathPort());
    return n;
  }

  /** Drops null, empty-object and empty-list fields, deepest first, so {@code {"A": {"B": []}}} goes whole. */
  private static JsonNode prune(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> empty = new ArrayList<>();
      object.fields().forEachRemaining(f -> {
        JsonNode v = prune(f.getValue());
        if (v.isNull() || (v.isContainerNode() && v.isEmpty())) {
          empty.add(f.getKey());
        }
      });
      object.remove(empty);
    } else if (node instanceof ArrayNode array) {
      array.forEach(ComparableSpecs::prune);
    }
    return node;
  }

  private static void requestedIpamOnly(ObjectNode a, ObjectNode b) {
    JsonNode ca = a.path("IPAM").path("Config");
    JsonNode cb = b.path("IPAM").path("Config");
    boolean requestedA = ca.isArray() && !ca.isEmpty();
    boolean requestedB = cb.isArray() && !cb.isEmpty();
    if (!requestedA || !requestedB) {
      removeConfig(a);
      removeConfig(b);
      return;
    }
    for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) {
      if (ca.get(i) instanceof ObjectNode x && cb.get(i) instanceof ObjectNode y) {
        x.retain(fieldNames(y));
        y.retain(fieldNames(x));
      }
    }
  }

  private static void removeConfig(ObjectNode network) {
    if (network.get("IPAM") instanceof ObjectNode ipam) {
      ipam.remove("Config");
    }
  }

  private static List<String> fieldNames(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
