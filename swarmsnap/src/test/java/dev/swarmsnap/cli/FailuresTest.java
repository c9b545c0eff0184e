package dev.swarmsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.lab.LabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FailuresTest {
  @Test
  void labFailuresKeepMessageAndHintAndGetTheirExitCode() {
    SwarmsnapException known =
        Failures.translate(new LabException(LabException.Kind.CONFLICT, "lab 'x' already exists", "pick another --name"));

    assertThat(known.exitCode()).isEqualTo(ExitCode.CONFLICT);
    assertThat(known.getMessage()).isEqualTo("lab 'x' already exists");
    assertThat(known.hint()).contains("pick another --name");
  }

  @Test
  void everyLabKindMapsToTheDocumentedCode() {
    assertThat(Failures.exitCode(LabException.Kind.NOT_FOUND).code()).isEqualTo(8);
    assertThat(Failures.exitCode(LabException.Kind.CONFLICT).code()).isEqualTo(9);
    assertThat(Failures.exitCode(LabException.Kind.NOT_ROOT).code()).isEqualTo(6);
    assertThat(Failures.exitCode(LabException.Kind.MISSING_DEPENDENCY).code()).isEqualTo(7);
    assertThat(Failures.exitCode(LabException.Kind.USAGE).code()).isEqualTo(2);
    assertThat(Failures.exitCode(LabException.Kind.FAILED).code()).isEqualTo(1);
  }

  @Test
  void otherExceptionsAreBugs() {
    assertThat(Failures.translate(new IllegalStateException("boom"))).isNull();
  }
}
