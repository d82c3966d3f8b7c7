package org.opensalw.assistance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Set;

/** A new call; {@code maxRegionShare} (0-1] caps any one region's share of the budget (balance, para 54). */
public record NewCall(@NotNull Mechanism mechanism, int year, @NotBlank String title,
        @NotNull @DecimalMin("1") @Digits(integer = 12, fraction = 2, message = "{assistance.amount.digits}") BigDecimal budget,
        Set<Area> thematicPriorities, Set<String> geographicPriorities,
        @NotNull @DecimalMin("0.05") @DecimalMax("1") BigDecimal maxRegionShare) {
}
