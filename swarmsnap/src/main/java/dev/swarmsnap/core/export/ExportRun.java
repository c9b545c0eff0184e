package dev.swarmsnap.core.export;

import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.ExportDocumentCodec;
import dev.swarmsnap.logical.LogicalSource;
import dev.swarmsnap.logical.ObjectKind;
import dev.swarmsnap.logical.ObjectSelector;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code export}: reads a source, keeps the selected objects, drops secret values unless asked,
 * and writes the document. The rule for secret values ({@link SecretValueRule}) is the caller's
 * to check before the source is read.
 */
public final class ExportRun {
  private final ExportDocumentCodec codec;
  private final DocumentOutput output;

  public ExportRun(ExportDocumentCodec codec, DocumentOutput output) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.output = Objects.requireNonNull(output, "output");
  }

  /**
   * What to export and where.
   *
   * @param file empty: {@code stdout}
   * @param recipients encrypt to these
   */
  public record Request(List<ObjectSelector> only, List<ObjectSelector> exclude, boolean withSecretValues,
      Optional<Path> file, Optional<AgeRecipients> recipients) {
    public Request {
      only = List.copyOf(only);
      exclude = List.copyOf(exclude);
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(recipients, "recipients");
    }
  }

  /** What was written: objects per kind, and whether secret values are in it. */
  public record Summary(Map<ObjectKind, Integer> counts, boolean clusterIncluded, int secretValues) {
    public Summary {
      counts = Map.copyOf(counts);
    }
  }

  /**
   * @param stdout receives the plain document when no file was asked for
   * @throws dev.swarmsnap.error.BadInputException if encryption was asked for without a file
   */
  public Summary run(LogicalSource source, Request request, Consumer<byte[]> stdout) {
    if (request.file().isEmpty() && request.recipients().isPresent()) {
      throw new BadInputException("an encrypted export needs a file", "add -o FILE");
    }
    ExportDocument doc = source.read().select(request.only(), request.exclude());
    if (!request.withSecretValues()) {
      doc = doc.withoutSecretValues();
    }
    byte[] bytes = codec.write(doc);
    try {
      if (request.file().isPresent()) {
        output.toFile(bytes, request.file().get(), request.recipients());
      } else {
        stdout.accept(bytes);
      }
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    Map<ObjectKind, Integer> counts = new EnumMap<>(ObjectKind.class);
    for (ObjectKind k : ObjectKind.values()) {
      counts.put(k, doc.ofKind(k).size());
    }
    int values = (int) doc.objects().stream().filter(o -> o.value().isPresent()).count();
    return new Summary(counts, doc.cluster().isPresent(), values);
  }
}
