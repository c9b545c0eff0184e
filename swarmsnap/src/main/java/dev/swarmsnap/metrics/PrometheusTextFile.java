package dev.swarmsnap.metrics;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.DurableWriteException;
import dev.swarmsnap.durable.PendingFile;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Writes gauges in the Prometheus text exposition format (version 0.0.4) with the official client
 * library's writer, and replaces the file atomically, so node_exporter never reads half a file.
 */
public final class PrometheusTextFile {
  /** Metrics hold no secrets; node_exporter often runs as another user. */
  private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

  private final AtomicFileWriter files;

  public PrometheusTextFile(AtomicFileWriter files) {
    this.files = files;
  }

  /** The file's text, as {@link #write} puts it on disk. */
  public byte[] render(List<Gauge> gauges) {
    MetricSnapshots snapshots = new MetricSnapshots(gauges.stream().map(PrometheusTextFile::snapshot).toList());
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(text, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array stream cannot fail", e);
    }
    return text.toByteArray();
  }

  /**
   * Replaces {@code file} with the gauges (mode 0644).
   *
   * @throws DurableWriteException when the file cannot be written
   */
  public void write(Path file, List<Gauge> gauges) {
    byte[] text = render(gauges);
    try (PendingFile pending = files.create(file, WORLD_READABLE)) {
      pending.write(text, 0, text.length);
      pending.commit();
    }
  }

  private static MetricSnapshot snapshot(Gauge gauge) {
    GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(gauge.name()).help(gauge.help());
    for (Gauge.Sample sample : gauge.samples()) {
      Labels.Builder labels = Labels.builder();
      sample.labels().forEach(labels::label);
      builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels.build()).value(sample.value()).build());
    }
    return builder.build();
  }
}
