package org.opensalw.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A holder's page. {@code personalDataShown} is false for roles that may not see personal data: the name of a
 * person, birth date, identity document, address and phone are then null.
 */
public record HolderDetails(HolderId id, HolderKind kind, String name, String country, LocalDate birthDate,
        String idDocument, String address, String phone, String registrationNumber, String role,
        boolean personalDataShown, Instant createdAt, String createdBy, List<Licence> licences,
        List<WeaponSummary> weapons, List<TimelineEntry> history, Instant updatedAt) {
}
