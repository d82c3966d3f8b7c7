package org.opensalw.assistance;

import java.math.BigDecimal;

/** A match was confirmed and became a project. */
public record MatchConfirmed(ProjectId projectId, RequestId requestId, OfferId offerId, String country, Area area, BigDecimal budget) {
}
