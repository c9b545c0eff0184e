/**
 * Retention policies with restic's semantics: which backups {@code prune --keep-*} keeps and why. A
 * pure function of backup times, the policy and the current instant; imports nothing but the JDK.
 */
package dev.swarmsnap.core.retention;
