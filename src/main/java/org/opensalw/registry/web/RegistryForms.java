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
        if (originKind != null) {
            origin = new EventCommand(originKind, f.required("origin.occurredOn", f.date("origin.occurredOn")), f.text("origin.place"),
                    f.text("origin.actor"), f.text("origin.reference"), f.text("origin.notes"), f.uuid("origin.holderId"), null,
                    f.text("origin.country"), null);
        }
        f.check();
        return new Registration(description, markings, origin, f.uuid("holderId"), f.text("location"));
    }

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
