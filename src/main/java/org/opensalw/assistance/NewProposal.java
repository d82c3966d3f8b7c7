package org.opensalw.assistance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Set;

/** {@code genderShare}: share of the budget for gender-transformative work, 0-1 (para 70). */
public record NewProposal(@NotNull ActorId applicantId, @NotBlank String title, @NotBlank String country, @NotNull Area area,
        @NotNull @DecimalMin("1") @Digits(integer = 12, fraction = 2, message = "{assistance.amount.digits}") BigDecimal amount,
        @Min(1) int durationMonths, boolean genderMainstreamed,
        @DecimalMin("0") @DecimalMax("1") BigDecimal genderShare, Set<String> unEntities, boolean hostConsent,
        boolean residentCoordinator) {
}
