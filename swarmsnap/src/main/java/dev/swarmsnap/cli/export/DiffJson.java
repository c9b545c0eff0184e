package dev.swarmsnap.cli.export;

import dev.swarmsnap.logical.DocumentDiff;
import java.util.List;
import java.util.Locale;

/**
 * {@code diff --json}: {@code {"equal":false,"objects":[{"kind":"service","name":"web","change":"changed",
 * "paths":["TaskTemplate.ContainerSpec.Env[0]"]}],"cluster":[]}}.
 */
record DiffJson(boolean equal, List<Entry> objects, List<String> cluster) {

  record Entry(String kind, String name, String change, List<String> paths) {}

  static DiffJson of(DocumentDiff.Changes changes) {
    return new DiffJson(changes.none(), changes.objects().stream()
        .map(c -> new Entry(c.kind().label(), c.name(), c.change().name().toLowerCase(Locale.ROOT), c.paths()))
        .toList(), changes.cluster());
  }
}
