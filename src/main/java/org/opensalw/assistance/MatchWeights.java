package org.opensalw.assistance;

/** How much each criterion counts in a match score (0-100 each); set by the hub, newest setting applies. */
public record MatchWeights(int area, int region, int language, int amount, int timing, int history) {

    public static final MatchWeights DEFAULT = new MatchWeights(30, 20, 10, 20, 10, 10);

    public MatchWeights {
        for (int w : new int[] {area, region, language, amount, timing, history}) {
            if (w < 0 || w > 100) {
                throw org.opensalw.shared.UserFacingException.invalid("weights", "assistance.weights.range", w);
            }
        }
        if (area + region + language + amount + timing + history == 0) {
            throw org.opensalw.shared.UserFacingException.invalid("weights", "assistance.weights.zero");
        }
    }

    public int of(Criterion c) {
        return switch (c) {
            case AREA -> area;
            case REGION -> region;
            case LANGUAGE -> language;
            case AMOUNT -> amount;
            case TIMING -> timing;
            case HISTORY -> history;
        };
    }

    public int total() {
        return area + region + language + amount + timing + history;
    }
}
