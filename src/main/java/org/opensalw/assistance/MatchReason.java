package org.opensalw.assistance;

/**
 * Why a match scored what it did on one criterion: {@code fit} from 0 to 1, {@code points} its weighted share of
 * the 0-100 score, and a message code (assistance.reason.*) with an argument saying what was compared.
 */
public record MatchReason(Criterion criterion, double fit, double points, String code, String detail) {
}
