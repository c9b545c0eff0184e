package dev.swarmsnap.swarmstate.model;

/** A published port: protocol, target (container) port, published port, mode (ingress/host). */
public record PublishedPort(String protocol, int targetPort, int publishedPort, String mode) {}
