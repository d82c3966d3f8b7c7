package org.opensalw.assistance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An actor to add; states and donor governments name their country (ISO 3166-1 alpha-2). */
public record NewActor(@NotNull ActorKind kind, @NotBlank String name, String country) {
}
