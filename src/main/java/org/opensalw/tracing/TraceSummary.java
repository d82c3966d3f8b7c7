package org.opensalw.tracing;

import java.time.Instant;
import java.time.LocalDate;

/** A line of the inbox, outbox or overdue list. */
public record TraceSummary(TraceId id, Direction direction, String reference, String counterpartNode, String counterpartName,
        String counterpartCountry, TraceState state, String serial, String maker, String weaponType, Outcome outcome,
        LocalDate dueOn, boolean overdue, String undeliverable, Instant updatedAt) {
}
