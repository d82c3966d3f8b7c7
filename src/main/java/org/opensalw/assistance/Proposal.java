package org.opensalw.assistance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A proposal to a call, with its eligibility findings and its reviewed value (0-100, null before any review). Its
 * {@code selectionNote} is kept by key ({@link Selection.Note}), empty before the selection.
 */
public record Proposal(ProposalId id, CallId callId, ActorId applicantId, String applicantName, ActorKind applicantKind, String title,
        String country, String region, Area area, BigDecimal amount, int durationMonths, boolean genderMainstreamed,
        BigDecimal genderShare, Set<String> unEntities, boolean hostConsent, boolean residentCoordinator, ProposalStatus status,
        List<EligibilityFinding> eligibility, Double reviewedValue, int reviewers, String selectionNote) {

    public boolean eligible() {
        return eligibility.stream().allMatch(EligibilityFinding::passed);
    }
}
