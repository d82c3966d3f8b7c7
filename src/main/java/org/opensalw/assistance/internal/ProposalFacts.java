package org.opensalw.assistance.internal;

import java.math.BigDecimal;
import java.util.Set;
import org.opensalw.assistance.ActorKind;

/**
 * What the eligibility rules look at in a proposal. {@code unEntities} holds the codes of the participating UN
 * entities, the applicant's own code included when the applicant is one.
 */
public record ProposalFacts(ActorKind applicantKind, BigDecimal amount, int durationMonths, boolean genderMainstreamed,
        Set<String> unEntities, boolean hostConsent, boolean residentCoordinator, BigDecimal genderShare) {
}
