package dev.swarmsnap.core.export;

import dev.swarmsnap.core.inspect.SpecsInspection;
import dev.swarmsnap.logical.ClusterSettings;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.ExportSource;
import dev.swarmsnap.logical.LogicalObject;
import dev.swarmsnap.logical.ObjectKind;
import dev.swarmsnap.logical.SecretDigest;
import dev.swarmsnap.swarmstate.convert.SpecObject;
import dev.swarmsnap.swarmstate.convert.SwarmSpecs;
import dev.swarmsnap.swarmstate.model.NodeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Builds the logical document from what the reader decoded: every secret gets the digest of its
 * value, and keeps the value itself only when {@code withSecretValues}. Stateless.
 */
final class DocumentBuilder {

  ExportDocument build(SpecsInspection read, boolean withSecretValues) {
    SwarmSpecs specs = read.read().specs();
    List<LogicalObject> objects = new ArrayList<>();
    specs.networks().forEach(o -> objects.add(object(ObjectKind.NETWORK, o)));
    specs.configs().forEach(o -> objects.add(object(ObjectKind.CONFIG, o)));
    specs.services().forEach(o -> objects.add(object(ObjectKind.SERVICE, o)));
    for (SpecObject s : specs.secrets()) {
      LogicalObject secret = object(ObjectKind.SECRET, s);
      if (s.value().isPresent()) {
        byte[] plain = s.value().get().reveal();
        secret = secret.withValueDigest(SecretDigest.of(plain));
        Arrays.fill(plain, (byte) 0);
        if (withSecretValues) {
          secret = secret.withValue(s.value().get());
        }
      }
      objects.add(secret);
    }
    Optional<ClusterSettings> cluster = specs.cluster().map(c ->
        new ClusterSettings(c.swarmSpec(), c.defaultAddrPool(), c.subnetSize(), c.dataPathPort(), c.ingress()));
    return ExportDocument.of(source(read), cluster, objects);
  }

  private static ExportSource source(SpecsInspection read) {
    String clusterId = read.read().state().cluster().id();
    if (read.manifest().isPresent()) {
      return new ExportSource(ExportSource.Kind.ARCHIVE, Optional.of(clusterId),
          Optional.of(read.manifest().get().engine().engineVersion()), Optional.of(read.manifest().get().createdAt()));
    }
    String self = read.read().state().certificates().nodeId();
    Optional<String> engine = read.read().state().nodes().stream().filter(n -> n.id().equals(self))
        .map(NodeInfo::engineVersion).filter(v -> !v.isEmpty()).findFirst();
    return new ExportSource(ExportSource.Kind.DIRECTORY, Optional.of(clusterId), engine, Optional.empty());
  }

  private static LogicalObject object(ObjectKind kind, SpecObject o) {
    return LogicalObject.of(kind, o.name(), o.spec()).withSource(o.id(), o.version()).withRawSpec(o.rawSpec());
  }
}
