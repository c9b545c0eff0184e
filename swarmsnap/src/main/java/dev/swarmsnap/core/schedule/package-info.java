/**
 * Scheduled backups: which manager of the cluster takes a run ({@link
 * dev.swarmsnap.core.schedule.DesignatedManager}, pure), and the systemd units and cron line that fire
 * it on every manager ({@link dev.swarmsnap.core.schedule.ScheduleUnits}, pure). Never imports cli.
 */
package dev.swarmsnap.core.schedule;
