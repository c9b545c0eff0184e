/**
 * Prometheus text-format files for node_exporter's textfile collector: our own {@link
 * dev.swarmsnap.metrics.Gauge} values in, an atomically replaced file out. The only package that
 * imports the Prometheus client library; never imports core or cli.
 */
package dev.swarmsnap.metrics;
