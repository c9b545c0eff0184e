package dev.swarmsnap.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.DrillRecord;
import dev.swarmsnap.repository.VerifyResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The list table's drill column: the last drill's result and RTO, or a dash. */
class ListTextTest {
  @Test
  void theDrillColumnShowsTheResultAndRtoOrADash() {
    BackupIndex plain = backup('a');
    BackupIndex passed = backup('b').withDrill(new DrillRecord(DrillRecord.Result.PASSED, Instant.EPOCH, 9_400));
    BackupIndex failed = backup('c').withDrill(new DrillRecord(DrillRecord.Result.FAILED, Instant.EPOCH, 0));
    StringWriter out = new StringWriter();

    new ListText(new PrintWriter(out)).print(List.of(passed, failed, plain));

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).contains("VERIFY    DRILL (RTO)");
    assertThat(lines.get(1)).contains("passed    passed (9.4s)");
    assertThat(lines.get(2)).contains("passed    failed ");
    assertThat(lines.get(3)).contains("passed    -  ");
  }

  private static BackupIndex backup(char c) {
    String id = String.valueOf(c).repeat(64);
    return new BackupIndex(1, id, Instant.parse("2026-01-01T00:00:00Z"), "cluster", "host", "node", "28.5.2", "t",
        "swarm-x.swarmsnap", 1, 100, id, false, false, Optional.empty(), VerifyResult.PASSED);
  }
}
