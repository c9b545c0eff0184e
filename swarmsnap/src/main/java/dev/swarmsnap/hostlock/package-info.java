/**
 * One backup, restore or recover per host at a time: an exclusive lock on a file in the run
 * directory, held for the whole run. Not engine control: it guards swarmsnap's own runs.
 */
package dev.swarmsnap.hostlock;
