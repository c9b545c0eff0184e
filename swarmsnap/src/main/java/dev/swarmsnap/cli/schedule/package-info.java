/**
 * {@code swarmsnap schedule install|remove|status}: the systemd timer that runs {@code backup
 * --scheduled} on every manager. Thin: parsing and rendering; the work is in core.schedule.
 */
package dev.swarmsnap.cli.schedule;
