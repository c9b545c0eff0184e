package dev.swarmsnap.cli.apply;

import dev.swarmsnap.core.apply.ApplyPlan;
import dev.swarmsnap.core.apply.ApplyReport;
import java.util.Optional;

/** What {@code apply --json} prints: the plan, and the report when it was carried out. */
record ApplyResult(String source, String target, boolean dryRun, ApplyPlan plan, Optional<ApplyReport> report) {}
