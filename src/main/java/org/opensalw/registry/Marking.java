package org.opensalw.registry;

import java.time.Instant;

public record Marking(MarkingKind kind, String text, String country, Integer year, long ledgerSeq, Instant recordedAt,
        String recordedBy) {
}
