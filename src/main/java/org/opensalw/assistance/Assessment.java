package org.opensalw.assistance;

import java.util.List;
import java.util.Map;

/**
 * A baseline assessment of weapons and ammunition management (paras 50-51): answers 0-3 per question, scored by
 * area as a percentage; an area under {@value #GAP_PERCENT}% is a gap.
 */
public record Assessment(AssessmentId id, String country, String title, String status, Map<String, Integer> answers,
        List<AreaScore> scores) {

    public static final int GAP_PERCENT = 50;

    public record Question(Area area, String code, String en, String fr, String es) {

        public String text(String language) {
            return switch (language) {
                case "fr" -> fr;
                case "es" -> es;
                default -> en;
            };
        }
    }

    public record AreaScore(Area area, int answered, int questions, int percent) {

        public boolean gap() {
            return answered > 0 && percent < GAP_PERCENT;
        }
    }
}
