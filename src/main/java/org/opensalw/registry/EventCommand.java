package org.opensalw.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A lifecycle event as a registrar records it: what, when, where, who did it, under which legal reference or
 * document, and what it concerns (the new holder of a transfer, the licence, the other country, the new marking).
 */
public record EventCommand(
        @NotNull EventKind kind,
        @NotNull LocalDate occurredOn,
        @Size(max = 300) String place,
        @Size(max = 300) String actor,
        @Size(max = 300) String reference,
        @Size(max = 4000) String notes,
        UUID holderId,
        UUID licenceId,
        @Pattern(regexp = "([A-Za-z]{2})?", message = "{country.pattern}") String country,
        @Valid MarkingInput marking) {

    /**
     * The earliest date the register takes for an event, as for the year of manufacture ({@code WeaponDescription}): an
     * earlier one is a slip (year 20 for 2020, 1500 for 2015), never a record of a small arm. Lists read from elsewhere
     * (watch lists) are held to it too.
     */
    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

    public static EventCommand of(EventKind kind, LocalDate on) {
        return new EventCommand(kind, on, null, null, null, null, null, null, null, null);
    }

    public EventCommand withHolder(UUID holder) {
        return new EventCommand(kind, occurredOn, place, actor, reference, notes, holder, licenceId, country, marking);
    }

    public EventCommand withCountry(String c) {
        return new EventCommand(kind, occurredOn, place, actor, reference, notes, holderId, licenceId, c, marking);
    }

    public EventCommand withLicence(UUID licence) {
        return new EventCommand(kind, occurredOn, place, actor, reference, notes, holderId, licence, country, marking);
    }

    public EventCommand withPlace(String p, String a, String ref) {
        return new EventCommand(kind, occurredOn, p, a, ref, notes, holderId, licenceId, country, marking);
    }

    public EventCommand withMarking(MarkingInput m) {
        return new EventCommand(kind, occurredOn, place, actor, reference, notes, holderId, licenceId, country, m);
    }
}
