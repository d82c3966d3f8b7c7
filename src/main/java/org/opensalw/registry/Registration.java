package org.opensalw.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new weapon record: its description, markings other than the serial, and optionally the event through which it
 * came to be known (manufactured, imported, found, seized, surrendered). Without an origin event the weapon is an
 * existing lawful holding, and {@code holderId}/{@code location} say where it is.
 */
public record Registration(@NotNull @Valid WeaponDescription description, List<@Valid MarkingInput> markings,
        @Valid EventCommand origin, java.util.UUID holderId, @Size(max = 300) String location) {

    public Registration {
        markings = markings == null ? List.of() : List.copyOf(markings);
    }
}
