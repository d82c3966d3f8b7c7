package org.opensalw.assistance;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.Set;

public record NewExpert(@NotBlank String name, ActorId actorId, Set<Area> areas, Set<String> languages,
        LocalDate availableFrom, LocalDate availableTo) {
}
