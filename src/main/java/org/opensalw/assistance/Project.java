package org.opensalw.assistance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

public record Project(ProjectId id, RequestId requestId, OfferId offerId, String title, String country, String region, Area area,
        String beneficiary, String providerName, BigDecimal budget, LocalDate startDate, LocalDate endDate, double matchScore,
        ProjectStatus status, String createdBy, Instant createdAt) {
}
