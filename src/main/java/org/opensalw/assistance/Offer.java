package org.opensalw.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** What a donor, UN entity or organisation offers; {@code committed} is what confirmed projects already use. */
public record Offer(OfferId id, ActorId providerId, String providerName, OfferKind kind, String description, Set<Area> areas,
        Set<String> regions, BigDecimal amount, BigDecimal committed, LocalDate availableFrom, LocalDate availableTo,
        Set<String> languages, OfferStatus status) {

    /** What is left to give, or null for an in-kind offer without an amount. */
    public BigDecimal available() {
        return amount == null ? null : amount.subtract(committed).max(BigDecimal.ZERO);
    }
}
