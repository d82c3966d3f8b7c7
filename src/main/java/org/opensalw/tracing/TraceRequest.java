package org.opensalw.tracing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A request with everything the request page shows: what it asks, its answer, its steps and thread, its photos. */
public record TraceRequest(TraceId id, Direction direction, UUID conversationId, String reference, String counterpartNode,
        String counterpartName, String counterpartCountry, TraceState state, TraceRequestForm form, TraceAnswer answer,
        LocalDate dueOn, boolean overdue, String undeliverable, Instant createdAt, String createdBy, List<PhotoRef> photos,
        List<TraceStep> steps) {

    public List<TraceStep> thread() {
        return steps.stream().filter(s -> s.kind().message()).toList();
    }

    /** A photo of the markings kept with the request. */
    public record PhotoRef(UUID id, String caption, String contentType) {
    }
}
