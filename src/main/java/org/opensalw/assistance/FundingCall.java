package org.opensalw.assistance;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** A call for proposals of a mechanism, with its year's thematic and geographic priorities (report para 41). */
public record FundingCall(CallId id, Mechanism mechanism, int year, String title, BigDecimal budget, Set<Area> thematicPriorities,
        Set<String> geographicPriorities, BigDecimal maxRegionShare, CallStatus status, Map<String, Integer> criteria) {
}
