package dev.swarmsnap.swarmstate.model;

import java.util.List;
import java.util.Map;

/**
 * A service as {@code inspect} shows it.
 *
 * @param id service ID
 * @param name spec name
 * @param version meta.version.index
 * @param image container image
 * @param mode the mode and its numbers (replicas, or a job's completions and concurrency)
 * @param networks attached network names (IDs if the network is unknown)
 * @param secrets secret names referenced
 * @param configs config names referenced
 * @param ports published ports of the endpoint spec
 * @param labels service labels
 */
public record ServiceInfo(
    String id,
    String name,
    long version,
    String image,
    ServiceMode mode,
    List<String> networks,
    List<String> secrets,
    List<String> configs,
    List<PublishedPort> ports,
    Map<String, String> labels) {
  public ServiceInfo {
    networks = List.copyOf(networks);
    secrets = List.copyOf(secrets);
    configs = List.copyOf(configs);
    ports = List.copyOf(ports);
    labels = Map.copyOf(labels);
  }
}
