package org.opensalw.importing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.BulkWeapon;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderForm;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.MarkingInput;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.WeaponDescription;

/** A checked row as staged in import_row, and how it becomes a registration with its history. */
public final class StagedRow {
    public UUID batchId;
    public long line;
    public String status = "ACCEPTED";
    public UUID weaponId;
    public String rowKey;
    public WeaponType type;
    public String makerCode;
    public String makerAsMarked = "";
    public String model = "";
    public String calibre = "";
    public String country;
    public Integer year;
    public String serial = "";
    public String serialNorm = "";
    public String nationalMark = "";
    public String importMark = "";
    public String location = "";
    public UUID holderId;
    public HolderKind holderKind;
    public String holderName = "";
    public String holderCountry;
    public String holderDocument = "";
    public EventKind originKind;
    public LocalDate originDate;
    public String originCountry;
    public String originPlace = "";
    public EventKind eventKind;
    public LocalDate eventDate;
    public String eventCountry;
    public String eventPlace = "";

    public Registration registration() {
        List<MarkingInput> markings = new ArrayList<>(2);
        if (!nationalMark.isEmpty()) {
            markings.add(new MarkingInput(MarkingKind.NATIONAL, nationalMark, null, null));
        }
        if (!importMark.isEmpty()) {
            markings.add(new MarkingInput(MarkingKind.IMPORT, importMark, originKind == EventKind.IMPORTED ? originCountry : null,
                    originKind == EventKind.IMPORTED && originDate != null ? originDate.getYear() : null));
        }
        EventCommand origin = originKind == null ? null
                : new EventCommand(originKind, originDate, originPlace, null, null, null, null, null, originCountry, null);
        return new Registration(new WeaponDescription(type, makerCode, makerAsMarked, model, calibre, country, year, serial),
                markings, origin, holderId, location);
    }

    public List<EventCommand> history() {
        if (eventKind == null) {
            return List.of();
        }
        EventCommand c = new EventCommand(eventKind, eventDate, eventPlace, null, null, null, null, null, eventCountry, null);
        return List.of(eventKind.needsHolder() && holderId != null ? c.withHolder(holderId) : c);
    }

    public BulkWeapon.BulkHolder holder() {
        if (holderId == null) {
            return null;
        }
        boolean person = holderKind == HolderKind.PERSON;
        return new BulkWeapon.BulkHolder(holderId, new HolderForm(holderKind, holderName, holderCountry, null,
                person ? holderDocument : "", "", "", person ? "" : holderDocument, ""));
    }

    public BulkWeapon weapon(boolean withHolder) {
        return new BulkWeapon(weaponId, registration(), history(), withHolder ? holder() : null);
    }
}
