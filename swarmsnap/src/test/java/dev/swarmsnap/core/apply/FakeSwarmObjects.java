package dev.swarmsnap.core.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.SwarmCluster;
import dev.swarmsnap.engine.SwarmObject;
import dev.swarmsnap.engine.SwarmObjectKind;
import dev.swarmsnap.engine.SwarmObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory {@link SwarmObjects}: objects by ID with versions, an engine default added to every
 * service ({@code ContainerSpec.Isolation}), secret data kept out of listings, and a refusal to
 * create a chosen name (fault injection).
 */
final class FakeSwarmObjects implements SwarmObjects {
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, SwarmObject> objects = new LinkedHashMap<>();
  private final Map<String, byte[]> secretData = new LinkedHashMap<>();
  private Optional<String> refuseToCreate = Optional.empty();
  private int nextId = 1;
  int calls;

  void refuseToCreate(String name) {
    refuseToCreate = Optional.of(name);
  }

  void allowAll() {
    refuseToCreate = Optional.empty();
  }

  @Override
  public List<SwarmObject> list(SwarmObjectKind kind) {
    return objects.values().stream().filter(o -> o.kind() == kind).toList();
  }

  @Override
  public SwarmCluster cluster() {
    return new SwarmCluster("cluster-1", "{\"Name\":\"default\",\"Orchestration\":{\"TaskHistoryRetentionLimit\":5}}",
        List.of("10.0.0.0/8"), 24, 4789);
  }

  @Override
  public String create(SwarmObjectKind kind, String specJson) {
    calls++;
    ObjectNode spec = parse(specJson);
    String name = spec.path("Name").asText();
    if (refuseToCreate.equals(Optional.of(name))) {
      throw new EngineRequestException("POST /" + kind.collection() + "/create", 500, "injected failure");
    }
    if (list(kind).stream().anyMatch(o -> o.name().equals(name))) {
      throw new EngineRequestException("POST /" + kind.collection() + "/create", 409, "name conflicts");
    }
    String id = kind.collection() + "-" + nextId++;
    if (kind == SwarmObjectKind.SECRET) {
      secretData.put(name, spec.path("Data").asText().getBytes());
      spec.remove("Data");
    }
    if (kind == SwarmObjectKind.SERVICE) {
      ((ObjectNode) spec.with("TaskTemplate").with("ContainerSpec")).put("Isolation", "default");
    }
    objects.put(id, new SwarmObject(kind, id, name, 10, spec.toString()));
    return id;
  }

  @Override
  public void update(SwarmObject current, String specJson) {
    calls++;
    SwarmObject stored = objects.get(current.id());
    if (stored.version() != current.version()) {
      throw new EngineRequestException("update", 500, "update out of sequence");
    }
    ObjectNode spec = parse(specJson);
    if (current.kind() == SwarmObjectKind.SERVICE) {
      ((ObjectNode) spec.with("TaskTemplate").with("ContainerSpec")).put("Isolation", "default");
    }
    objects.put(current.id(), new SwarmObject(current.kind(), current.id(), current.name(), stored.version() + 1,
        spec.toString()));
  }

  @Override
  public void remove(SwarmObjectKind kind, String id) {
    calls++;
    objects.remove(id);
  }

  /** The stored spec of the object of that kind and name, as the engine would show it. */
  ObjectNode spec(SwarmObjectKind kind, String name) {
    return parse(list(kind).stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().specJson());
  }

  String idOf(SwarmObjectKind kind, String name) {
    return list(kind).stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().id();
  }

  /** Base64 of the value a secret was created with. */
  String secretData(String name) {
    return new String(secretData.get(name));
  }

  @Override
  public String endpoint() {
    return "fake";
  }

  @Override
  public void close() {}

  private ObjectNode parse(String json) {
    try {
      return (ObjectNode) mapper.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
