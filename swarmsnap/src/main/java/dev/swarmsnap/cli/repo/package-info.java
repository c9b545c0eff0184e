/** {@code swarmsnap list} and {@code swarmsnap copy}: reading and copying backup repositories. Thin: core.repository does the work. */
package dev.swarmsnap.cli.repo;
