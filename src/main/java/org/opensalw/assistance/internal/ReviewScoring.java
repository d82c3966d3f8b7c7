package org.opensalw.assistance.internal;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The reviewed value of a proposal: each reviewer's weighted mean of their criterion scores (0-10), averaged over
 * reviewers and put on a 0-100 scale. A criterion a reviewer left blank does not count for that reviewer.
 */
public final class ReviewScoring {

    public record Score(String reviewer, String criterion, int score) {
    }

    private ReviewScoring() {
    }

    public static OptionalDouble value(List<Score> scores, Map<String, Integer> weights) {
        Map<String, List<Score>> byReviewer = scores.stream().filter(s -> weights.getOrDefault(s.criterion(), 0) > 0)
                .collect(Collectors.groupingBy(Score::reviewer));
        if (byReviewer.isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (List<Score> own : byReviewer.values()) {
            double weighted = 0;
            double weight = 0;
            for (Score s : own) {
                int w = weights.get(s.criterion());
                weighted += w * s.score();
                weight += w;
            }
            sum += weighted / weight;
        }
        return OptionalDouble.of(Math.round(sum / byReviewer.size() * 10 * 100) / 100.0);
    }
}
