package org.opensalw.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.assistance.Area;
import org.opensalw.assistance.internal.DuplicationDetector.Engagement;

class DuplicationDetectorTests {

    private static Engagement e(String country, String who, Area area, String start, String end) {
        return new Engagement(UUID.randomUUID(), country, who, area, start == null ? null : LocalDate.parse(start), end == null ? null : LocalDate.parse(end));
    }

    @Test
    void shouldFlagOverlappingProjectsForTheSameBeneficiaryAndArea() {
        Engagement a = e("JM", "National Police", Area.MARKING, "2026-01-01", "2026-12-31");
        Engagement b = e("JM", "national police.", Area.MARKING, "2026-06-01", "2027-05-31");
        assertThat(DuplicationDetector.find(List.of(a, b))).containsExactly(List.of(a, b));
    }

    @Test
    void shouldNotFlagProjectsThatFollowEachOtherOrDiffer() {
        Engagement a = e("JM", "National Police", Area.MARKING, "2026-01-01", "2026-06-30");
        Engagement later = e("JM", "National Police", Area.MARKING, "2026-07-01", "2026-12-31");
        Engagement otherArea = e("JM", "National Police", Area.TRACING, "2026-01-01", "2026-12-31");
        Engagement otherCountry = e("CM", "National Police", Area.MARKING, "2026-01-01", "2026-12-31");
        Engagement otherBody = e("JM", "Customs", Area.MARKING, "2026-01-01", "2026-12-31");
        assertThat(DuplicationDetector.find(List.of(a, later, otherArea, otherCountry, otherBody))).isEmpty();
    }

    @Test
    void shouldChainOverlapsAndTreatMissingDatesAsOpenEnded() {
        Engagement open = e("SS", "Ministry of Interior", Area.STOCKPILE_MANAGEMENT, "2025-01-01", null);
        Engagement late = e("SS", "Ministry of Interior", Area.STOCKPILE_MANAGEMENT, "2029-01-01", "2029-06-01");
        Engagement early = e("SS", "Ministry of Interior", Area.STOCKPILE_MANAGEMENT, null, "2025-02-01");
        assertThat(DuplicationDetector.find(List.of(open, late, early))).singleElement()
                .satisfies(g -> assertThat(g).containsExactly(early, open, late));
    }
}
