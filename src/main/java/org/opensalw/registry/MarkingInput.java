package org.opensalw.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A marking as read on the weapon. */
public record MarkingInput(@NotNull MarkingKind kind, @NotBlank @Size(max = 200) String text,
        @Pattern(regexp = "([A-Za-z]{2})?", message = "{country.pattern}") String country,
        @Min(1800) @Max(2200) Integer year) {
}
