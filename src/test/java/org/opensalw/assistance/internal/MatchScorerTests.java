package org.opensalw.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.assistance.Area;
import org.opensalw.assistance.Criterion;
import org.opensalw.assistance.MatchReason;
import org.opensalw.assistance.MatchWeights;

class MatchScorerTests {

    private final MatchScorer.Need need = new MatchScorer.Need("CM", "Africa", "Sub-Saharan Africa", Area.RECORD_KEEPING,
            new BigDecimal("100000"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Set.of("fr"));

    private MatchScorer.Resource offer(Set<Area> areas, Set<String> regions, String amount, Set<String> languages) {
        return new MatchScorer.Resource(UUID.randomUUID(), areas, regions, amount == null ? null : new BigDecimal(amount),
                LocalDate.of(2025, 6, 1), LocalDate.of(2027, 6, 1), languages);
    }

    @Test
    void shouldGiveAPerfectOfferTheFullScoreExceptHistory() {
        var scored = MatchScorer.score(need, offer(Set.of(Area.RECORD_KEEPING), Set.of("Sub-Saharan Africa"), "150000", Set.of("fr", "en")),
                0, MatchWeights.DEFAULT).orElseThrow();
        assertThat(scored.score()).isEqualTo(90.0);
        assertThat(scored.reasons()).extracting(MatchReason::criterion).containsExactly(Criterion.values());
        assertThat(scored.reasons().get(5).code()).isEqualTo("assistance.reason.history.none");
    }

    @Test
    void shouldExcludeOffersOutsideTheAreaOrRegion() {
        assertThat(MatchScorer.score(need, offer(Set.of(Area.MARKING), Set.of(), "150000", Set.of()), 0, MatchWeights.DEFAULT)).isEmpty();
        assertThat(MatchScorer.score(need, offer(Set.of(), Set.of("Europe"), "150000", Set.of()), 0, MatchWeights.DEFAULT)).isEmpty();
    }

    @Test
    void shouldRankTheCloserRegionAndLanguageHigher() {
        double subRegion = MatchScorer.score(need, offer(Set.of(Area.RECORD_KEEPING), Set.of("Sub-Saharan Africa"), "150000", Set.of("fr")), 0, MatchWeights.DEFAULT).orElseThrow().score();
        double region = MatchScorer.score(need, offer(Set.of(Area.RECORD_KEEPING), Set.of("Africa"), "150000", Set.of("fr")), 0, MatchWeights.DEFAULT).orElseThrow().score();
        double world = MatchScorer.score(need, offer(Set.of(Area.RECORD_KEEPING), Set.of(), "150000", Set.of("fr")), 0, MatchWeights.DEFAULT).orElseThrow().score();
        double wrongLanguage = MatchScorer.score(need, offer(Set.of(Area.RECORD_KEEPING), Set.of("Sub-Saharan Africa"), "150000", Set.of("es")), 0, MatchWeights.DEFAULT).orElseThrow().score();
        assertThat(subRegion).isGreaterThan(region).isGreaterThan(world);
        assertThat(wrongLanguage).isEqualTo(subRegion - 10);
    }

    @Test
    void shouldScoreAmountInProportionAndRewardEarlierSupport() {
        var half = MatchScorer.score(need, offer(Set.of(Area.RECORD_KEEPING), Set.of(), "50000", Set.of("fr")), 3, MatchWeights.DEFAULT).orElseThrow();
        MatchReason amount = half.reasons().get(3);
        assertThat(amount.fit()).isEqualTo(0.5);
        assertThat(amount.points()).isEqualTo(10.0);
        assertThat(half.reasons().get(5).points()).isEqualTo(10.0);
    }

    @Test
    void shouldFollowTheHubsWeights() {
        MatchWeights onlyAmount = new MatchWeights(0, 0, 0, 100, 0, 0);
        var s = MatchScorer.score(need, offer(Set.of(Area.RECORD_KEEPING), Set.of(), "25000", Set.of()), 0, onlyAmount).orElseThrow();
        assertThat(s.score()).isEqualTo(25.0);
    }

    @Test
    void shouldMeasureHowMuchOfTheRequestedPeriodIsCovered() {
        assertThat(MatchScorer.timingFit(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 7, 2), null)).isBetween(0.49, 0.51);
        assertThat(MatchScorer.timingFit(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1), null)).isZero();
    }
}
