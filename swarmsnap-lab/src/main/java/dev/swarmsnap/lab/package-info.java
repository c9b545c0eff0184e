/**
 * Throw-away swarms of real dockerd processes, one network namespace per node, driven through the
 * {@code docker}, {@code ip}, {@code nsenter} and {@code unshare} programs; plus a JUnit 5 extension.
 * Must not import any {@code dev.swarmsnap} package outside this one: the tool never vouches for itself.
 */
package dev.swarmsnap.lab;
