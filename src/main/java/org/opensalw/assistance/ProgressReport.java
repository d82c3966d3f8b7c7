package org.opensalw.assistance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An interim or final report of a project or a funded proposal. */
public record ProgressReport(UUID id, ReportKind kind, String summary, BigDecimal spent, String createdBy, Instant createdAt) {
}
