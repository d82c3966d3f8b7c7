package org.opensalw.assistance.web;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.opensalw.assistance.EligibilityRule;
import org.opensalw.assistance.Proposal;
import org.opensalw.assistance.ProposalId;
import org.opensalw.assistance.Selection;
import org.opensalw.assistance.internal.EligibilityRules;
import org.springframework.context.MessageSource;

/**
 * The outcome of a selection and its reasons in the reader's language, from what a proposal keeps of them by key
 * ({@link Selection.Note}): a French reader saw "INELIGIBLE MAX_AMOUNT" and "SELECTED 46.75 (+10% MARKING)".
 */
final class SelectionNotes {

    private final MessageSource messages;
    private final Locale locale;
    private final Map<EligibilityRule, Object> ruleArguments = new EnumMap<>(EligibilityRule.class);

    /** @param rules the rules of the call's mechanism, whose parameters the reasons of an ineligible proposal quote */
    SelectionNotes(MessageSource messages, Locale locale, List<EligibilityRules.Listed> rules) {
        this.messages = messages;
        this.locale = locale;
        rules.forEach(r -> ruleArguments.put(r.rule(), r.argument()));
    }

    /** Each proposal's outcome with its reasons; empty before the selection, and a note kept in words (older selections) as it is. */
    Map<ProposalId, String> of(List<Proposal> proposals) {
        Map<ProposalId, String> out = new HashMap<>();
        for (Proposal p : proposals) {
            String kept = p.selectionNote() == null ? "" : p.selectionNote();
            out.put(p.id(), Selection.Note.parse(kept).map(n -> {
                String outcome = text("assistance.outcome." + n.outcome());
                String why = reasons(n);
                return why.isEmpty() ? outcome : outcome + " — " + why;
            }).orElse(kept));
        }
        return out;
    }

    /** The reasons of each line of a selection just made, without the outcome (the page shows it apart). */
    Map<ProposalId, String> reasons(Selection selection) {
        Map<ProposalId, String> out = new HashMap<>();
        selection.lines().forEach(l -> out.put(l.proposalId(), reasons(l.note())));
        return out;
    }

    /** The arguments of each outcome are those {@link Selection.Outcome} lists. */
    String reasons(Selection.Note note) {
        List<String> a = note.args();
        return switch (note.outcome()) {
            case SELECTED, LOWER_VALUE -> a.isEmpty() ? "" : text("assistance.selectionNote.value", number(a.get(0)))
                    + (a.size() > 1 ? " " + text("assistance.selectionNote.priority", text("assistance.area." + a.get(1))) : "");
            case INELIGIBLE -> a.stream().map(this::rule).collect(Collectors.joining("; "));
            case OVER_REGION_CAP -> a.size() < 4 ? "" : text("assistance.selectionNote.OVER_REGION_CAP", a.get(0), number(a.get(1)),
                    number(a.get(2)), number(a.get(3)));
            case OVER_BUDGET -> a.size() < 2 ? "" : text("assistance.selectionNote.OVER_BUDGET", number(a.get(0)), number(a.get(1)));
            case NOT_REVIEWED -> "";
        };
    }

    private String rule(String name) {
        for (EligibilityRule r : EligibilityRule.values()) {
            if (r.name().equals(name)) {
                return text("assistance.rule." + name, ruleArguments.get(r));
            }
        }
        return name;
    }

    private static BigDecimal number(String written) {
        return new BigDecimal(written);
    }

    /** A message in the reader's language; a code without one is shown as it is, never hidden. */
    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
