package org.opensalw.assistance;

/** Kinds of eligibility rule; each mechanism lists its rules with parameters in assistance/eligibility-rules.csv. */
public enum EligibilityRule {
    APPLICANT_KIND, MAX_AMOUNT, DURATION_MONTHS, GENDER_MAINSTREAMING, MIN_UN_ENTITIES, RESIDENT_COORDINATOR, HOST_CONSENT, MIN_GENDER_SHARE;

    /** A parameter as the rule's message (assistance.rule.RULE) takes it: MAX_AMOUNT's amount as a number, the others as written. */
    public Object argument(String parameter) {
        return this == MAX_AMOUNT && parameter != null && !parameter.isBlank() ? new java.math.BigDecimal(parameter.trim()) : parameter;
    }
}
