package org.opensalw.registry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderForm;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.LicenceForm;
import org.opensalw.registry.LicenceKind;
import org.opensalw.registry.MarkingInput;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.shared.FormReader;
import org.opensalw.shared.Term;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;

/** Reads the registry's web forms into the same requests the JSON API takes, with per-field errors. */
final class RegistryForms {

    private RegistryForms() {
    }

    static Registration registration(Map<String, String> params) {
        FormReader f = new FormReader(params);
        WeaponType type = f.required("type", f.choice("type", WeaponType.class));
        WeaponDescription description = new WeaponDescription(type, f.text("makerCode"), f.text("makerAsMarked"),
                f.text("model"), f.text("calibre"), f.text("countryOfManufacture"), f.integer("yearOfManufacture"), f.text("serial"));
        List<MarkingInput> markings = new ArrayList<>();
        for (MarkingKind kind : MarkingKind.values()) {
            String prefix = "marking." + kind.name() + ".";
            String text = f.text(prefix + "text");
            if (text != null) {
                markings.add(new MarkingInput(kind, text, f.text(prefix + "country"), f.integer(prefix + "year")));
            }
        }
        EventKind originKind = f.choice("origin.kind", EventKind.class);
        EventCommand origin = null;
        if (f.text("origin.kind") == null) {
            originWithoutKind(f);
        }
        if (originKind != null) {
            origin = new EventCommand(originKind, f.required("origin.occurredOn", f.date("origin.occurredOn")), f.text("origin.place"),
                    f.text("origin.actor"), f.text("origin.reference"), f.text("origin.notes"), f.uuid("origin.holderId"), null,
                    f.text("origin.country"), null);
        }
        f.check();
        return new Registration(description, markings, origin, f.uuid("holderId"), f.text("location"),
                "true".equals(f.text("confirmDistinct")));
    }

    /** The fields of the origin event besides its kind (named on the form by {@link FieldLabels#WEAPON}). */
    private static final List<String> ORIGIN_FIELDS = List.of("origin.occurredOn", "origin.place", "origin.actor", "origin.reference",
            "origin.country", "origin.notes");

    /**
     * What was written about the origin event without choosing the event is refused, never dropped silently. The date
     * the form fills in itself (today, sent back as {@code origin.occurredOn.prefilled}) is not something the registrar
     * wrote: left as it was, with "existing lawful holding", it is ignored.
     */
    private static void originWithoutKind(FormReader f) {
        for (String field : ORIGIN_FIELDS) {
            String value = f.text(field);
            boolean prefilled = field.equals("origin.occurredOn") && value != null && value.equals(f.text("origin.occurredOn.prefilled"));
            if (value != null && !prefilled) {
                f.invalid(field, "registration.origin.kindMissing", new Term(FieldLabels.WEAPON.get(field), field));
            }
        }
    }

    /**
     * The refusal of a registration sent from the form, with the fields named as the form names them: the register
     * names a marking by its position ({@code markings[1].text}), the form by its kind ({@code marking.NATIONAL.text}).
     */
    static RuntimeException inFormFields(RuntimeException e, Map<String, String> params) {
        if (!(e instanceof UserFacingException u)) {
            return e;
        }
        List<MarkingKind> given = new ArrayList<>();
        for (MarkingKind kind : MarkingKind.values()) { // the order registration() reads them in
            if (new FormReader(params).text("marking." + kind.name() + ".text") != null) {
                given.add(kind);
            }
        }
        List<Violation> named = u.violations().stream().map(v -> {
            java.util.regex.Matcher m = v.field() == null ? null : MARKING_FIELD.matcher(v.field());
            if (m == null || !m.matches() || Integer.parseInt(m.group(1)) >= given.size()) {
                return v;
            }
            return new Violation("marking." + given.get(Integer.parseInt(m.group(1))).name() + "." + m.group(2), v.code(), v.args());
        }).toList();
        return new UserFacingException(u.kind(), named);
    }

    private static final java.util.regex.Pattern MARKING_FIELD = java.util.regex.Pattern.compile("markings\\[(\\d+)]\\.(\\w+)");

    static EventCommand event(Map<String, String> params) {
        FormReader f = new FormReader(params);
        EventKind kind = f.required("kind", f.choice("kind", EventKind.class));
        MarkingInput marking = null;
        MarkingKind markingKind = f.choice("marking.kind", MarkingKind.class);
        if (markingKind != null && f.text("marking.text") != null) {
            marking = new MarkingInput(markingKind, f.text("marking.text"), f.text("marking.country"), f.integer("marking.year"));
        }
        EventCommand command = new EventCommand(kind, f.required("occurredOn", f.date("occurredOn")), f.text("place"), f.text("actor"),
                f.text("reference"), f.text("notes"), f.uuid("holderId"), f.uuid("licenceId"), f.text("country"), marking);
        f.check();
        return command;
    }

    static HolderForm holder(Map<String, String> params) {
        FormReader f = new FormReader(params);
        HolderForm form = new HolderForm(f.required("kind", f.choice("kind", HolderKind.class)), f.required("name", f.text("name")),
                f.text("country"), f.date("birthDate"), f.text("idDocument"), f.text("address"), f.text("phone"),
                f.text("registrationNumber"), f.text("role"));
        f.check();
        return form;
    }

    static LicenceForm licence(Map<String, String> params) {
        FormReader f = new FormReader(params);
        LicenceForm form = new LicenceForm(f.required("number", f.text("number")), f.required("kind", f.choice("kind", LicenceKind.class)),
                f.required("validFrom", f.date("validFrom")), f.date("validUntil"),
                f.required("issuingAuthority", f.text("issuingAuthority")));
        f.check();
        return form;
    }
}
