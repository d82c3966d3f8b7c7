package org.opensalw.assistance;

import java.util.List;

public record RankedOffer(Offer offer, double score, List<MatchReason> reasons) {
}
