package org.opensalw.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensalw.assistance.ActorKind;
import org.opensalw.assistance.EligibilityFinding;
import org.opensalw.assistance.EligibilityRule;
import org.opensalw.assistance.Mechanism;

/** Each rule of assistance/eligibility-rules.csv, on a proposal that passes everything but the one rule. */
class EligibilityRulesTests {

    private final EligibilityRules rules = new EligibilityRules();

    private static ProposalFacts good() {
        return new ProposalFacts(ActorKind.CIVIL_SOCIETY, new BigDecimal("150000"), 18, true, Set.of("UNDP", "UNODC"),
                true, true, new BigDecimal("0.35"));
    }

    private List<EligibilityRule> failed(Mechanism m, ProposalFacts p) {
        return rules.check(m, p).stream().filter(f -> !f.passed()).map(EligibilityFinding::rule).toList();
    }

    @Test
    void shouldShipBothMechanismsRules() {
        assertThat(rules.rules(Mechanism.UNSCAR)).extracting(EligibilityRules.Listed::rule).containsExactlyInAnyOrder(
                EligibilityRule.APPLICANT_KIND, EligibilityRule.MAX_AMOUNT, EligibilityRule.DURATION_MONTHS, EligibilityRule.GENDER_MAINSTREAMING);
        assertThat(rules.rules(Mechanism.SALIENT)).extracting(EligibilityRules.Listed::rule).containsExactlyInAnyOrder(
                EligibilityRule.MIN_UN_ENTITIES, EligibilityRule.RESIDENT_COORDINATOR, EligibilityRule.HOST_CONSENT, EligibilityRule.MIN_GENDER_SHARE);
        assertThat(failed(Mechanism.UNSCAR, good())).isEmpty();
        assertThat(failed(Mechanism.SALIENT, good())).isEmpty();
    }

    @Test
    void shouldCiteAPublicSourceForEveryRule() {
        // the source is shown beside each rule: it cited our own notes (DOMAIN.md) for the UNSCAR ceiling and duration
        for (Mechanism m : Mechanism.values()) {
            assertThat(rules.rules(m)).allSatisfy(r -> assertThat(r.source()).as(r.rule().name()).isNotBlank().doesNotContain(".md"));
        }
        assertThat(rules.rules(Mechanism.UNSCAR)).filteredOn(r -> r.rule() == EligibilityRule.MAX_AMOUNT).singleElement()
                .satisfies(r -> assertThat(r.source()).contains("UNODA", "https://disarmament.unoda.org/unscar/"));
    }

    @Test
    void shouldRefuseUnscarProposalsFromGovernmentsDirectly() {
        ProposalFacts p = new ProposalFacts(ActorKind.STATE, new BigDecimal("150000"), 18, true, Set.of(), false, false, BigDecimal.ZERO);
        assertThat(failed(Mechanism.UNSCAR, p)).containsExactly(EligibilityRule.APPLICANT_KIND);
        ProposalFacts donor = new ProposalFacts(ActorKind.DONOR, new BigDecimal("150000"), 18, true, Set.of(), false, false, BigDecimal.ZERO);
        assertThat(failed(Mechanism.UNSCAR, donor)).containsExactly(EligibilityRule.APPLICANT_KIND);
    }

    @Test
    void shouldRefuseUnscarProposalsAbove200000Dollars() {
        ProposalFacts at = new ProposalFacts(ActorKind.RESEARCH_INSTITUTE, new BigDecimal("200000.00"), 12, true, Set.of(), false, false, BigDecimal.ZERO);
        ProposalFacts above = new ProposalFacts(ActorKind.RESEARCH_INSTITUTE, new BigDecimal("200000.01"), 12, true, Set.of(), false, false, BigDecimal.ZERO);
        assertThat(failed(Mechanism.UNSCAR, at)).isEmpty();
        assertThat(failed(Mechanism.UNSCAR, above)).containsExactly(EligibilityRule.MAX_AMOUNT);
    }

    @Test
    void shouldRefuseUnscarProjectsShorterThanOneYearOrLongerThanTwo() {
        for (int months : new int[] {11, 25}) {
            ProposalFacts p = new ProposalFacts(ActorKind.REGIONAL_ORG, new BigDecimal("90000"), months, true, Set.of(), false, false, BigDecimal.ZERO);
            assertThat(failed(Mechanism.UNSCAR, p)).containsExactly(EligibilityRule.DURATION_MONTHS);
        }
        ProposalFacts p = new ProposalFacts(ActorKind.REGIONAL_ORG, new BigDecimal("90000"), 24, true, Set.of(), false, false, BigDecimal.ZERO);
        assertThat(failed(Mechanism.UNSCAR, p)).isEmpty();
    }

    @Test
    void shouldRefuseUnscarProposalsWithoutGenderMainstreaming() {
        ProposalFacts p = new ProposalFacts(ActorKind.UN_ENTITY, new BigDecimal("90000"), 12, false, Set.of("UNDP"), false, false, BigDecimal.ZERO);
        assertThat(failed(Mechanism.UNSCAR, p)).containsExactly(EligibilityRule.GENDER_MAINSTREAMING);
    }

    @Test
    void shouldRefuseSalientRequestsFromFewerThanTwoUnEntities() {
        ProposalFacts p = new ProposalFacts(ActorKind.UN_ENTITY, new BigDecimal("900000"), 36, true, Set.of("UNDP"), true, true, new BigDecimal("0.4"));
        assertThat(failed(Mechanism.SALIENT, p)).containsExactly(EligibilityRule.MIN_UN_ENTITIES);
    }

    @Test
    void shouldRefuseSalientRequestsWithoutTheResidentCoordinator() {
        ProposalFacts p = new ProposalFacts(ActorKind.UN_ENTITY, new BigDecimal("900000"), 36, true, Set.of("UNDP", "UNICEF"), true, false, new BigDecimal("0.4"));
        assertThat(failed(Mechanism.SALIENT, p)).containsExactly(EligibilityRule.RESIDENT_COORDINATOR);
    }

    @Test
    void shouldRefuseSalientRequestsWithoutHostGovernmentConsent() {
        ProposalFacts p = new ProposalFacts(ActorKind.UN_ENTITY, new BigDecimal("900000"), 36, true, Set.of("UNDP", "UNICEF"), false, true, new BigDecimal("0.4"));
        assertThat(failed(Mechanism.SALIENT, p)).containsExactly(EligibilityRule.HOST_CONSENT);
    }

    @Test
    void shouldRefuseSalientRequestsWithLessThan30PercentGenderTransformative() {
        ProposalFacts below = new ProposalFacts(ActorKind.UN_ENTITY, new BigDecimal("900000"), 36, true, Set.of("UNDP", "UNICEF"), true, true, new BigDecimal("0.29"));
        ProposalFacts at = new ProposalFacts(ActorKind.UN_ENTITY, new BigDecimal("900000"), 36, true, Set.of("UNDP", "UNICEF"), true, true, new BigDecimal("0.30"));
        assertThat(failed(Mechanism.SALIENT, below)).containsExactly(EligibilityRule.MIN_GENDER_SHARE);
        assertThat(failed(Mechanism.SALIENT, at)).isEmpty();
    }

    @Test
    void shouldApplyRulesAsListedInTheData() {
        EligibilityRules stricter = new EligibilityRules(List.of(
                new EligibilityRules.Listed(Mechanism.UNSCAR, EligibilityRule.MAX_AMOUNT, "100000", "test")));
        assertThat(stricter.check(Mechanism.UNSCAR, good())).extracting(EligibilityFinding::passed).containsExactly(false);
        assertThat(stricter.check(Mechanism.SALIENT, good())).isEmpty();
    }
}
