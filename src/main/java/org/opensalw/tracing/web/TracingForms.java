package org.opensalw.tracing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.shared.FormReader;
import org.opensalw.tracing.AnswerForm;
import org.opensalw.tracing.Outcome;
import org.opensalw.tracing.TraceMarking;
import org.opensalw.tracing.TraceRequestForm;

/** Reads the tracing forms' fields into records, and back into field values for a form shown again. */
final class TracingForms {

    static final int MARKING_ROWS_EXTRA = 2;

    private TracingForms() {
    }

    static TraceRequestForm request(Map<String, String> p) {
        FormReader r = new FormReader(p);
        List<TraceMarking> markings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String text = r.text("marking" + i + ".text");
            if (text != null) {
                markings.add(new TraceMarking(r.text("marking" + i + ".kind"), text, upper(r.text("marking" + i + ".country")),
                        r.integer("marking" + i + ".year")));
            }
        }
        TraceRequestForm form = new TraceRequestForm(r.uuid("weaponId"), r.text("recipient"), r.choice("recoveryKind", EventKind.class),
                r.date("recoveredOn"), r.text("recoveredPlace"), r.text("circumstances"), r.text("illicitNature"),
                r.text("legalBasis"), r.text("intendedUse"), r.choice("type", WeaponType.class), r.text("maker"), r.text("model"),
                r.text("calibre"), r.text("serial"), upper(r.text("countryOfManufacture")), r.integer("yearOfManufacture"), markings);
        r.check();
        return form;
    }

    static AnswerForm answer(Map<String, String> p) {
        FormReader r = new FormReader(p);
        String established = r.text("originEstablished");
        AnswerForm form = new AnswerForm(r.choice("outcome", Outcome.class), r.uuid("weaponId"), r.text("findings"),
                r.text("restrictionReason"), r.text("permittedUse"), established == null ? null : Boolean.valueOf(established),
                "true".equals(r.text("includeHolderName")));
        r.check();
        return form;
    }

    /** The field values of a request, for the form. */
    static Map<String, String> values(TraceRequestForm f) {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "weaponId", f.weaponId());
        put(v, "recipient", f.recipient());
        put(v, "recoveryKind", f.recoveryKind());
        put(v, "recoveredOn", f.recoveredOn());
        put(v, "recoveredPlace", f.recoveredPlace());
        put(v, "circumstances", f.circumstances());
        put(v, "illicitNature", f.illicitNature());
        put(v, "legalBasis", f.legalBasis());
        put(v, "intendedUse", f.intendedUse());
        put(v, "type", f.type());
        put(v, "maker", f.maker());
        put(v, "model", f.model());
        put(v, "calibre", f.calibre());
        put(v, "serial", f.serial());
        put(v, "countryOfManufacture", f.countryOfManufacture());
        put(v, "yearOfManufacture", f.yearOfManufacture());
        for (int i = 0; i < f.markings().size(); i++) {
            TraceMarking m = f.markings().get(i);
            put(v, "marking" + i + ".kind", m.kind());
            put(v, "marking" + i + ".text", m.text());
            put(v, "marking" + i + ".country", m.country());
            put(v, "marking" + i + ".year", m.year());
        }
        return v;
    }

    /** How many marking rows the form shows: those filled in and a couple of empty ones. */
    static int markingRows(Map<String, String> values) {
        int filled = 0;
        for (int i = 0; i < 40; i++) {
            if (values.get("marking" + i + ".text") != null && !values.get("marking" + i + ".text").isBlank()) {
                filled = i + 1;
            }
        }
        return filled + MARKING_ROWS_EXTRA;
    }

    private static void put(Map<String, String> v, String key, Object value) {
        if (value != null) {
            v.put(key, value.toString());
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }
}
