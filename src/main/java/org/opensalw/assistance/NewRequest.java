package org.opensalw.assistance;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

public record NewRequest(@NotBlank String country, @NotNull Area area, @NotBlank String description, @NotBlank String beneficiary,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2, message = "{assistance.amount.digits}") BigDecimal estimatedCost,
        LocalDate startDate, LocalDate endDate, @io.swagger.v3.oas.annotations.media.Schema(description = "Two-letter ISO 639-1 codes, e.g. en, fr, es, ar, pt; others are refused") Set<String> languages) {
}
