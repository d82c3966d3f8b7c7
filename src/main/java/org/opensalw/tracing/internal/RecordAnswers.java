package org.opensalw.tracing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.TimelineEntry;
import org.opensalw.registry.WeaponDetails;
import org.opensalw.shared.Texts;
import org.opensalw.tracing.Outcome;
import org.opensalw.tracing.TraceAnswer;

/**
 * Draws an answer from a register record: the lawful history, the last lawful holder and the point of diversion (the
 * first loss, theft or export after the last lawful holding: where the weapon left lawful hands, or left the country
 * so that the trace goes on to the importing state).
 */
public final class RecordAnswers {


    private RecordAnswers() {
    }

    /** The lifecycle entries that stand (not voided, not corrections or photos). */
    static List<TimelineEntry> history(WeaponDetails w) {
        return w.timeline().stream().filter(e -> !e.voided() && EventKind.LIFECYCLE.contains(e.kind())).toList();
    }

    /**
     * The proposed answer: FULL when the record shows where the weapon left lawful hands or who held it last, PARTIAL
     * when it shows only its making or import, NOT_FOUND without a record. Holder names are personal data when the
     * holder is a person: they are put in only when the officer says so.
     */
    public static TraceAnswer propose(WeaponDetails w, boolean includeHolderName, String permittedUse, String answeredBy, Instant now) {
        if (w == null) {
            return new TraceAnswer(Outcome.NOT_FOUND, false, null, null, permittedUse, null, null, null, null, null, List.of(), now,
                    answeredBy);
        }
        List<TimelineEntry> history = history(w);
        int diversion = -1;
        for (int i = 0; i < history.size(); i++) {
            EventKind k = history.get(i).kind();
            if (EventKind.DIVERSIONS.contains(k) && diversion < 0) {
                diversion = i;
            }
            if (k.isLawfulHolding()) {
                diversion = -1; // lawful again (an import back, a transfer after recovery): look for a later diversion
            }
        }
        TraceAnswer.Holder holder = null;
        int until = diversion < 0 ? history.size() : diversion;
        for (int i = until - 1; i >= 0 && holder == null; i--) {
            TimelineEntry e = history.get(i);
            if (e.holderId() != null) {
                String name = includeHolderName ? Texts.cut(e.holderName(), PayloadLimits.HOLDER_CHARS) : null;
                String kind = e.holderId().equals(w.holderId()) && w.holderKind() != null ? w.holderKind().name() : null;
                holder = new TraceAnswer.Holder(name, kind, e.country());
            }
        }
        TraceAnswer.Diversion point = diversion < 0 ? null : diversionOf(history.get(diversion));
        List<TraceAnswer.HistoryLine> lines = new ArrayList<>();
        for (TimelineEntry e : history) {
            lines.add(new TraceAnswer.HistoryLine(e.kind().name(), e.occurredOn(), Texts.cut(e.place(), PayloadLimits.PLACE_CHARS), e.country(),
                    includeHolderName ? Texts.cut(e.holderName(), PayloadLimits.HOLDER_CHARS) : null));
        }
        if (lines.size() > PayloadLimits.HISTORY_LINES) { // what peers take: the latest, which lead to the diversion
            lines = new ArrayList<>(lines.subList(lines.size() - PayloadLimits.HISTORY_LINES, lines.size()));
        }
        boolean established = point != null || holder != null;
        Outcome outcome = established || holder != null ? Outcome.FULL : Outcome.PARTIAL;
        String maker = Texts.cut(w.makerName() != null ? w.makerName() : w.makerAsMarked(), PayloadLimits.MAKER_CHARS);
        return new TraceAnswer(outcome, established, null, null, permittedUse, maker, w.countryOfManufacture(), w.yearOfManufacture(),
                holder, point, lines, now, answeredBy);
    }

    private static TraceAnswer.Diversion diversionOf(TimelineEntry e) {
        return new TraceAnswer.Diversion(e.kind().name(), e.occurredOn(), Texts.cut(e.place(), PayloadLimits.PLACE_CHARS), e.country());
    }
}
