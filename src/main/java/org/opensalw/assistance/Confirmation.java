package org.opensalw.assistance;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** A person confirms that an offer meets a request; it becomes a project with this title and budget. */
public record Confirmation(@NotNull RequestId requestId, @NotNull OfferId offerId, String title,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2, message = "{assistance.amount.digits}") BigDecimal budget) {
}
