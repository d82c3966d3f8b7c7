package org.opensalw.assistance;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.Set;

public record NewExpert(@NotBlank String name, ActorId actorId, Set<Area> areas, @io.swagger.v3.oas.annotations.media.Schema(description = "Two-letter ISO 639-1 codes, e.g. en, fr, es, ar, pt; others are refused") Set<String> languages,
        LocalDate availableFrom, LocalDate availableTo) {
}
