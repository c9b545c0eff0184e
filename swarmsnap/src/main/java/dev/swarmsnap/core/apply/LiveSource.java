package dev.swarmsnap.core.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.SwarmCluster;
import dev.swarmsnap.engine.SwarmObject;
import dev.swarmsnap.engine.SwarmObjectKind;
import dev.swarmsnap.engine.SwarmObjects;
import dev.swarmsnap.logical.ClusterSettings;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.ExportSource;
import dev.swarmsnap.logical.LogicalObject;
import dev.swarmsnap.logical.LogicalSource;
import dev.swarmsnap.logical.ObjectKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live swarm of a manager's engine as a logical document: its networks (swarm-scoped, without the
 * engine's own ingress, as in a document read from a backup; its spec is in the cluster settings), secrets,
 * configs and services, with service references turned from IDs into names and each object's ID
 * and version kept as its source. Secret values are absent: the Engine API never returns them, so
 * neither their value nor a digest of it can be known here.
 */
public final class LiveSource implements LogicalSource {
  private final SwarmObjects engine;
  private final Clock clock;
  private final ObjectMapper mapper = new ObjectMapper();
  private final ServiceReferences references = new ServiceReferences();

  public LiveSource(SwarmObjects engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public ExportDocument read() {
    SwarmCluster cluster = engine.cluster();
    List<LogicalObject> objects = new ArrayList<>();
    Map<String, String> networkNames = new HashMap<>();
    Optional<ObjectNode> ingress = Optional.empty();
    for (SwarmObject network : engine.list(SwarmObjectKind.NETWORK)) {
      networkNames.put(network.id(), network.name());
      ObjectNode spec = parse(network);
      // The ingress is the engine's own, as in a document read from a backup: never an object to
      // carry, only a cluster setting to compare.
      if (spec.path("Ingress").asBoolean(false)) {
        ingress = Optional.of(spec);
      } else {
        objects.add(logical(ObjectKind.NETWORK, network, spec));
      }
    }
    for (SwarmObject secret : engine.list(SwarmObjectKind.SECRET)) {
      ObjectNode spec = parse(secret);
      spec.remove("Data");
      objects.add(logical(ObjectKind.SECRET, secret, spec));
    }
    for (SwarmObject config : engine.list(SwarmObjectKind.CONFIG)) {
      objects.add(logical(ObjectKind.CONFIG, config, parse(config)));
    }
    for (SwarmObject service : engine.list(SwarmObjectKind.SERVICE)) {
      objects.add(logical(ObjectKind.SERVICE, service, references.toNames(parse(service), networkNames)));
    }
    ClusterSettings settings = new ClusterSettings(parse(cluster.specJson(), "the swarm"), cluster.defaultAddrPool(),
        cluster.subnetSize(), cluster.dataPathPort(), ingress);
    ExportSource source = new ExportSource(ExportSource.Kind.LIVE, Optional.of(cluster.id()), Optional.empty(),
        Optional.of(clock.instant()));
    return ExportDocument.of(source, Optional.of(settings), objects);
  }

  @Override
  public String describe() {
    return "live engine " + engine.endpoint();
  }

  private static LogicalObject logical(ObjectKind kind, SwarmObject object, ObjectNode spec) {
    return LogicalObject.of(kind, object.name(), spec).withSource(object.id(), object.version());
  }

  private ObjectNode parse(SwarmObject object) {
    return parse(object.specJson(), object.kind().collection() + "/" + object.name());
  }

  private ObjectNode parse(String json, String what) {
    try {
      if (mapper.readTree(json) instanceof ObjectNode spec) {
        return spec;
      }
    } catch (JsonProcessingException e) {
      // Reported below like any other answer that is not a JSON object.
    }
    throw new EngineRequestException("GET " + what, 200, "the spec in the answer is not a JSON object");
  }
}
