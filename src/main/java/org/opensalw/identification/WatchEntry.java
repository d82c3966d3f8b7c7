package org.opensalw.identification;

import java.time.LocalDate;
import java.util.UUID;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.WeaponStatus;

/** A weapon reported lost or stolen in a list imported from elsewhere (e.g. an iARMS export). */
public record WatchEntry(UUID id, String source, String reference, String serial, String maker, String model, String calibre,
        WeaponType type, String reportedBy, WeaponStatus reportKind, LocalDate reportedOn) {
}
