package org.opensalw.assistance;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** An offer; empty areas or regions mean any area or anywhere. */
public record NewOffer(@NotNull ActorId providerId, @NotNull OfferKind kind, @NotBlank String description, Set<Area> areas,
        Set<String> regions, @DecimalMin("0") @Digits(integer = 12, fraction = 2, message = "{assistance.amount.digits}") BigDecimal amount,
        LocalDate availableFrom, LocalDate availableTo, @io.swagger.v3.oas.annotations.media.Schema(description = "Two-letter ISO 639-1 codes, e.g. en, fr, es, ar, pt; others are refused") Set<String> languages) {
}
