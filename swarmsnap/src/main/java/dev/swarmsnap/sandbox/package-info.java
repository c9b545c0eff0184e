/**
 * The drill's sandbox ({@code core.drill.Sandbox}) over the lab ({@code dev.swarmsnap.lab}): one
 * dockerd with no swarm state in its own network namespace (an address in 10.231.0.0/16 that the
 * lab allocates) and its own data root under the lab registry, never this host's engine. Sandboxes
 * are registered labs named {@code drill-<pid in base 36>}, so {@code lab ls} shows them, {@code
 * lab down} removes them, and the next drill removes those whose process is gone.
 */
package dev.swarmsnap.sandbox;
