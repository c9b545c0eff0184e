package dev.swarmsnap.repository;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of verifying a backup when it was stored; prune keeps the last one that passed. */
public enum VerifyResult {
  PASSED("passed"),
  FAILED("failed"),
  NOT_RUN("not-run");

  private final String text;

  VerifyResult(String text) {
    this.text = text;
  }

  @JsonValue
  public String text() {
    return text;
  }
}
