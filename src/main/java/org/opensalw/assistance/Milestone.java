package org.opensalw.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record Milestone(UUID id, String title, LocalDate dueDate, String doneBy, Instant doneAt) {
}
