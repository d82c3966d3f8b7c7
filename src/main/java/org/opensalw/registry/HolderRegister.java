package org.opensalw.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.reference.References;
import org.opensalw.registry.internal.Details;
import org.opensalw.registry.internal.HolderStore;
import org.opensalw.registry.internal.Ledger;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;

/**
 * Holder and licence writes for {@link RegistryManagement}: the current state in the holder and licence tables, the
 * history (with a snapshot of what was recorded) in the ledger.
 */
class HolderRegister {

    private final HolderStore holders;
    private final Ledger ledger;
    private final References references;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    HolderRegister(HolderStore holders, Ledger ledger, References references, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.holders = holders;
        this.ledger = ledger;
        this.references = references;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    HolderId register(HolderForm form) {
        checkCountry(form);
        checkBirthDate(form);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        holders.insert(id, form, now, currentUser.username());
        ledger.append(List.of(new Ledger.NewEntry("HOLDER", id, EventKind.HOLDER_REGISTERED, LocalDate.now(clock), "", "", "", "",
                id, null, null, snapshot(form), null, null)), currentUser.username(), now);
        audit.recordWrite("holder.register", "HOLDER", id, form.kind().name());
        return new HolderId(id);
    }

    /** Updates the holder as the form says, unless someone changed it after {@code expected} (null: no check). */
    void update(HolderId id, HolderForm form, Instant expected) {
        if (holders.find(id.value()).isEmpty()) {
            throw UserFacingException.notFound("holder", id);
        }
        checkCountry(form);
        checkBirthDate(form);
        Instant now = clock.instant();
        if (!holders.update(id.value(), form, now, currentUser.username(), expected)) {
            // two people editing the same holder: the second would silently undo the first's changes
            HolderStore.Row current = holders.find(id.value()).orElseThrow();
            throw new UserFacingException(UserFacingException.Kind.CONFLICT, List.of(Violation.of("version", "holder.changedMeanwhile",
                    current.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))));
        }
        ledger.append(List.of(new Ledger.NewEntry("HOLDER", id.value(), EventKind.HOLDER_UPDATED, LocalDate.now(clock), "", "", "", "",
                id.value(), null, null, snapshot(form), null, null)), currentUser.username(), now);
        audit.recordWrite("holder.update", "HOLDER", id, null);
    }

    LicenceId issueLicence(HolderId holderId, LicenceForm form) {
        if (holders.find(holderId.value()).isEmpty()) {
            throw UserFacingException.notFound("holder", holderId);
        }
        if (form.validUntil() != null && form.validUntil().isBefore(form.validFrom())) {
            throw UserFacingException.invalid("validUntil", "licence.validUntil.beforeFrom", form.validUntil(), form.validFrom());
        }
        if (holders.licenceNumberTaken(form.issuingAuthority(), form.number())) {
            throw UserFacingException.invalid("number", "licence.number.taken", form.number(), form.issuingAuthority());
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            holders.insertLicence(id, holderId.value(), form, now, currentUser.username());
        } catch (org.springframework.dao.DuplicateKeyException e) { // the same number issued a moment ago by someone else
            throw UserFacingException.invalid("number", "licence.number.taken", form.number(), form.issuingAuthority());
        }
        ledger.append(List.of(new Ledger.NewEntry("HOLDER", holderId.value(), EventKind.LICENCE_ISSUED, form.validFrom(), "", "",
                form.number(), "", holderId.value(), id, null, Details.of().with("number", form.number()).with("kind", form.kind())
                        .with("validFrom", form.validFrom()).with("validUntil", form.validUntil())
                        .with("issuingAuthority", form.issuingAuthority()).text(), null, null)), currentUser.username(), now);
        audit.recordWrite("licence.issue", "HOLDER", holderId, "licence=" + id + " number=" + form.number());
        return new LicenceId(id);
    }

    void revokeLicence(LicenceId licenceId, LocalDate on, String reason) {
        Licence licence = holders.licence(licenceId.value()).orElseThrow(() -> UserFacingException.notFound("licence", licenceId));
        if (licence.revokedOn() != null) {
            throw UserFacingException.invalid("licenceId", "licence.alreadyRevoked", licence.number(), licence.revokedOn());
        }
        if (reason == null || reason.isBlank()) {
            throw UserFacingException.invalid("reason", "licence.reason.required");
        }
        if (on.isBefore(licence.validFrom()) || on.isAfter(LocalDate.now(clock))) {
            throw UserFacingException.invalid("revokedOn", "licence.revokedOn.range", licence.validFrom());
        }
        Instant now = clock.instant();
        if (!holders.revokeLicence(licenceId.value(), on, reason.trim())) { // revoked by someone else since it was read
            Licence revoked = holders.licence(licenceId.value()).orElseThrow();
            throw UserFacingException.invalid("licenceId", "licence.alreadyRevoked", revoked.number(), revoked.revokedOn());
        }
        ledger.append(List.of(new Ledger.NewEntry("HOLDER", licence.holderId().value(), EventKind.LICENCE_CANCELLED, on, "", "",
                licence.number(), reason.trim(), licence.holderId().value(), licenceId.value(), null, "", null, null)),
                currentUser.username(), now);
        audit.recordWrite("licence.revoke", "HOLDER", licence.holderId(), "licence=" + licenceId + ": " + reason.trim());
    }

    private void checkCountry(HolderForm form) {
        countryViolation(form, code -> references.country(code).isPresent(), "country").ifPresent(v -> {
            throw new UserFacingException(UserFacingException.Kind.INVALID, java.util.List.of(v));
        });
    }

    private void checkBirthDate(HolderForm form) {
        birthDateViolation(form, LocalDate.now(clock)).ifPresent(v -> {
            throw new UserFacingException(UserFacingException.Kind.INVALID, List.of(v));
        });
    }

    /** The oldest age a birth date may give: an older one is a slip of the year (1899 for 1989), not a living holder. */
    static final int OLDEST = 130;

    /** A birth date, when given, is not after today and gives an age of at most {@link #OLDEST} years. */
    static java.util.Optional<Violation> birthDateViolation(HolderForm form, LocalDate today) {
        LocalDate born = form.birthDate();
        if (born != null && born.isAfter(today)) {
            return java.util.Optional.of(Violation.of("birthDate", "holder.birthDate.future", born));
        }
        if (born != null && born.isBefore(today.minusYears(OLDEST))) {
            return java.util.Optional.of(Violation.of("birthDate", "holder.birthDate.tooEarly", born, OLDEST));
        }
        return java.util.Optional.empty();
    }

    /** The holder's country, when given, must be a known one (single and bulk registration alike). */
    static java.util.Optional<org.opensalw.shared.Violation> countryViolation(HolderForm form, java.util.function.Predicate<String> known,
            String field) {
        String country = EventRecorder.upper(form.country());
        return country == null || known.test(country) ? java.util.Optional.empty()
                : java.util.Optional.of(org.opensalw.shared.Violation.of(field, "country.unknown", form.country()));
    }

    static String snapshot(HolderForm f) {
        return Details.of().with("kind", f.kind()).with("name", f.name()).with("country",
                        f.country() == null ? null : f.country().toUpperCase(Locale.ROOT))
                .with("birthDate", f.birthDate()).with("idDocument", f.idDocument()).with("address", f.address())
                .with("phone", f.phone()).with("registrationNumber", f.registrationNumber()).with("role", f.role()).text();
    }
}
