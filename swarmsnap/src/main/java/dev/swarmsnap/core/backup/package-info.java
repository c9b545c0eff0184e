/**
 * Cold backup of a manager: the preflight decision ({@link dev.swarmsnap.core.backup.BackupPreflight},
 * pure), the API snapshot, the short engine outage that copies only real bytes to staging, and the
 * run that ties them together. Never imports cli or a library adapter.
 */
package dev.swarmsnap.core.backup;
