package org.opensalw.identification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.opensalw.registry.EventKind;

/**
 * How a weapon came into the authorities' hands (found, seized or surrendered), when, where and under which case
 * reference; {@code nationalMark} is the mark given to a weapon that is not in the register (ITI para 8 e).
 */
public record Recovery(@NotNull EventKind kind, @NotNull LocalDate occurredOn, @Size(max = 300) String place,
        @Size(max = 300) String reference, @Size(max = 4000) String notes, @Size(max = 200) String nationalMark) {
}
