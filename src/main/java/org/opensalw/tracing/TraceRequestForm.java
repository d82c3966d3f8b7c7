package org.opensalw.tracing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;

/**
 * What a tracing request carries (ITI para 17): the recovery (seized, found or surrendered; when, where, how), the
 * illicit nature and legal basis of the request, every marking with type and calibre, and the intended use of the
 * answer; addressed to one node. A draft may be incomplete; it is checked in full before it is sent. At most 100
 * markings (the page takes 40; a weapon of the register has a few): a peer refuses a request with more.
 */
public record TraceRequestForm(
        UUID weaponId,
        @Size(max = 40) String recipient,
        EventKind recoveryKind,
        LocalDate recoveredOn,
        @Size(max = 300) String recoveredPlace,
        @Size(max = 4000) String circumstances,
        @Size(max = 4000) String illicitNature,
        @Size(max = 2000) String legalBasis,
        @Size(max = 2000) String intendedUse,
        WeaponType type,
        @Size(max = 200) String maker,
        @Size(max = 200) String model,
        @Size(max = 100) String calibre,
        @Size(max = 100) String serial,
        @Size(max = 2) String countryOfManufacture,
        Integer yearOfManufacture,
        @Size(max = 100) List<@Valid TraceMarking> markings) {

    public TraceRequestForm {
        markings = markings == null ? List.of() : List.copyOf(markings);
    }

    public TraceRequestForm withRecipient(String node) {
        return new TraceRequestForm(weaponId, node, recoveryKind, recoveredOn, recoveredPlace, circumstances, illicitNature,
                legalBasis, intendedUse, type, maker, model, calibre, serial, countryOfManufacture, yearOfManufacture, markings);
    }
}
