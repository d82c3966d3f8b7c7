package org.opensalw.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.opensalw.shared.UserFacingException;

/**
 * A new weapon record: its description, markings other than the serial, and optionally the event through which it
 * came to be known (manufactured, imported, found, seized, surrendered). Without an origin event the weapon is an
 * existing lawful holding, and {@code holderId}/{@code location} say where it is. {@code confirmDistinct}: the registrar
 * says it is another weapon than the registered one of the same maker and serial (without it, such a registration is
 * refused, never taken silently).
 */
public record Registration(@NotNull @Valid WeaponDescription description, List<@Valid MarkingInput> markings,
        @Valid EventCommand origin, java.util.UUID holderId, @io.swagger.v3.oas.annotations.media.Schema(description = "Where the weapon is kept, at most 300 characters") @Size(max = 300) String location, Boolean confirmDistinct) {

    @JsonCreator
    public Registration {
        markings = markings == null ? List.of() : List.copyOf(markings);
    }

    /** A registration that does not claim to be another weapon than one of the same maker and serial. */
    public Registration(WeaponDescription description, List<MarkingInput> markings, EventCommand origin, java.util.UUID holderId,
            String location) {
        this(description, markings, origin, holderId, location, null);
    }

    /** The code of the refusal of a serial that a weapon of the same maker already has (unless confirmed distinct). */
    public static final String SAME_SERIAL = "weapon.serial.duplicate";

    /** Whether a registration was refused because a weapon of the same maker and serial is registered: a form then offers to confirm it is another. */
    public static boolean refusedAsSameSerial(RuntimeException e) {
        return e instanceof UserFacingException u && u.violations().stream().anyMatch(v -> SAME_SERIAL.equals(v.code()));
    }

    /** The registrar confirmed that this is another weapon than the registered one of the same maker and serial. */
    public boolean confirmedDistinct() {
        return Boolean.TRUE.equals(confirmDistinct);
    }
}
