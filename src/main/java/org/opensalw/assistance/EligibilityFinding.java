package org.opensalw.assistance;

/** One eligibility rule applied to one proposal: passed or not, with the rule's parameter and source. */
public record EligibilityFinding(EligibilityRule rule, boolean passed, String parameter, String source) {

    /** Message code explaining the rule (assistance.rule.RULE). */
    public String code() {
        return "assistance.rule." + rule.name();
    }

    /** The parameter as its message takes it: a ceiling as a number, written in the reader's locale. */
    public Object argument() {
        return rule.argument(parameter);
    }
}
