package org.opensalw.assistance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A need a state stated (report para 42), with the M49 region of the beneficiary state. */
public record AssistanceRequest(RequestId id, String country, String region, String subRegion, Area area, String description,
        String beneficiary, BigDecimal estimatedCost, LocalDate startDate, LocalDate endDate, Set<String> languages,
        RequestStatus status, RequestOrigin origin, String createdBy, Instant createdAt) {
}
