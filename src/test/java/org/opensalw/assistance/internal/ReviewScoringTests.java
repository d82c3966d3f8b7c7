package org.opensalw.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensalw.assistance.internal.ReviewScoring.Score;

class ReviewScoringTests {

    private final Map<String, Integer> weights = Map.of("RELEVANCE", 30, "GENDER", 10);

    @Test
    void shouldWeighCriteriaAndAverageReviewers() {
        List<Score> scores = List.of(new Score("ana", "RELEVANCE", 10), new Score("ana", "GENDER", 2),
                new Score("ben", "RELEVANCE", 6), new Score("ben", "GENDER", 6));
        // ana: (300 + 20) / 40 = 8.0 ; ben: 6.0 ; mean 7.0 -> 70
        assertThat(ReviewScoring.value(scores, weights)).hasValue(70.0);
    }

    @Test
    void shouldIgnoreCriteriaWithoutWeightAndHaveNoValueWithoutReviews() {
        assertThat(ReviewScoring.value(List.of(new Score("ana", "OTHER", 10)), weights)).isEmpty();
        assertThat(ReviewScoring.value(List.of(new Score("ana", "GENDER", 5), new Score("ana", "OTHER", 10)), weights)).hasValue(50.0);
    }
}
