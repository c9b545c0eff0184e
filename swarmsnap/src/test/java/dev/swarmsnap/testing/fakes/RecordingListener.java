package dev.swarmsnap.testing.fakes;

import dev.swarmsnap.core.backup.BackupListener;
import dev.swarmsnap.core.replace.RestoreListener;
import dev.swarmsnap.core.replace.RestorePlan;
import java.util.ArrayList;
import java.util.List;

/** Listens to a backup, restore or recover: keeps steps and warnings, answers confirmations as told. */
public final class RecordingListener implements BackupListener, RestoreListener {
  @Override
  public void reached(String phase) {
    // both listener ports name their moments; the fault tests do not pause at any
  }

  private final List<String> steps = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final boolean confirms;
  private int questions;

  /** @param confirms the answer to every confirmation */
  public RecordingListener(boolean confirms) {
    this.confirms = confirms;
  }

  @Override
  public synchronized void step(String message) {
    steps.add(message);
  }

  @Override
  public synchronized void warn(String message) {
    warnings.add(message);
  }

  @Override
  public void progress(long done, long total) {}

  @Override
  public synchronized boolean confirm(List<String> warnings) {
    questions++;
    return confirms;
  }

  @Override
  public synchronized boolean confirm(RestorePlan plan) {
    questions++;
    return confirms;
  }

  public synchronized List<String> steps() {
    return List.copyOf(steps);
  }

  public synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  public synchronized int questions() {
    return questions;
  }
}
