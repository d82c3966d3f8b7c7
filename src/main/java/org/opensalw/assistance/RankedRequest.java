package org.opensalw.assistance;

import java.util.List;

public record RankedRequest(AssistanceRequest request, double score, List<MatchReason> reasons) {
}
