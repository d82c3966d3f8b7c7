package org.opensalw.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.Dashboard;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderDetails;
import org.opensalw.registry.HolderForm;
import org.opensalw.registry.HolderId;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.HolderSummary;
import org.opensalw.registry.LedgerReport;
import org.opensalw.registry.LicenceForm;
import org.opensalw.registry.LicenceId;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.WeaponDetails;
import org.opensalw.registry.WeaponFilter;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.registry.WeaponSummary;
import org.opensalw.shared.Page;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The JSON API of the register: everything the registry pages do. */
@RestController
@Tag(name = "Registry", description = "Weapons, their lifecycle events and corrections, holders and licences, ledger verification")
class RegistryApi {

    record Created(UUID id) {
    }

    record Recorded(long seq) {
    }

    record VoidRequest(String reason) {
    }

    record Revocation(LocalDate revokedOn, String reason) {
    }

    private final RegistryManagement registry;
    private final RegistryQueries queries;
    private final Clock clock;

    RegistryApi(RegistryManagement registry, RegistryQueries queries, Clock clock) {
        this.registry = registry;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "Counts of weapons by status and type, and the latest events")
    Dashboard dashboard() {
        return queries.dashboard();
    }

    @GetMapping("/api/weapons")
    @Operation(summary = "List weapons, newest first", description = "serial matches the start of the normalised serial (case, separators, accents, Cyrillic look-alikes, the script of digits and zeros padding a number ignored); holder: the weapons a holder holds")
    Page<WeaponSummary> weapons(@RequestParam(required = false) String serial, @RequestParam(required = false) WeaponStatus status,
            @RequestParam(required = false) WeaponType type, @RequestParam(required = false) String maker,
            @RequestParam(required = false) String country, @RequestParam(required = false) java.util.UUID holder,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.weapons(new WeaponFilter(serial, status, type, maker, country, holder), new PageRequest(page, size));
    }

    @PostMapping("/api/weapons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a weapon (REGISTRAR)",
            description = "With an origin event (MANUFACTURED, IMPORTED, FOUND, SEIZED, SURRENDERED) or, without one, as an existing lawful holding."
                    + " A national mark another weapon carries is refused (422, field markings[i].text, naming that weapon); so is the"
                    + " same maker and normalised serial as a registered weapon (field serial), unless confirmDistinct is true.")
    Created register(@RequestBody Registration registration) {
        return new Created(registry.register(registration).value());
    }

    @GetMapping("/api/weapons/{id}")
    @Operation(summary = "A weapon with its markings, photos and full timeline")
    WeaponDetails weapon(@PathVariable String id) {
        return queries.weapon(WeaponId.parse(id)).orElseThrow(() -> UserFacingException.notFound("weapon", id));
    }

    @GetMapping("/api/weapons/{id}/possible-events")
    @Operation(summary = "The lifecycle events the weapon's current status allows")
    List<EventKind> possibleEvents(@PathVariable String id) {
        return queries.possibleEvents(WeaponId.parse(id));
    }

    @PostMapping("/api/weapons/{id}/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a lifecycle event (REGISTRAR)", description = "Refused with 422 and a message per problem when the history would become impossible.")
    Recorded recordEvent(@PathVariable String id, @RequestBody EventCommand command) {
        return new Recorded(registry.recordEvent(WeaponId.parse(id), command));
    }

    @PostMapping("/api/weapons/{id}/events/{seq}/void")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Void an entry of the weapon's history with a reason (REGISTRAR)")
    Recorded voidEntry(@PathVariable String id, @PathVariable long seq, @RequestBody VoidRequest request) {
        return new Recorded(registry.voidEntry(WeaponId.parse(id), seq, request.reason()));
    }

    @PostMapping(value = "/api/weapons/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a photo of the markings (REGISTRAR); its SHA-256 is chained in the ledger")
    Created addPhoto(@PathVariable String id, @RequestPart("photo") MultipartFile photo,
            @RequestParam(required = false) String caption) throws IOException {
        return new Created(registry.addPhoto(WeaponId.parse(id), caption, photo.getContentType(), photo.getBytes()));
    }

    @GetMapping("/api/holders")
    @Operation(summary = "Search holders by name prefix", description = "Persons are listed only to roles that may see personal data; such reads are audited.")
    Page<HolderSummary> holders(@RequestParam(required = false) String name, @RequestParam(required = false) HolderKind kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.holders(name, kind, new PageRequest(page, size));
    }

    @PostMapping("/api/holders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a holder: a person, a company or a state body (REGISTRAR)")
    Created registerHolder(@RequestBody HolderForm form) {
        return new Created(registry.registerHolder(form).value());
    }

    @GetMapping("/api/holders/{id}")
    @Operation(summary = "A holder with licences, weapons held and history", description = "Personal data only for REGISTRAR and INVESTIGATOR; each such read is audited.")
    HolderDetails holder(@PathVariable String id) {
        return queries.holder(HolderId.parse(id)).orElseThrow(() -> UserFacingException.notFound("holder", id));
    }

    @PutMapping("/api/holders/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Update a holder (REGISTRAR); the earlier values stay in the ledger", description = "Give `version`, the"
            + " holder's `updatedAt` as read, and the update is refused with 409 if someone changed the holder since (without it, the"
            + " last write wins).")
    void updateHolder(@PathVariable String id, @RequestBody HolderForm form, @RequestParam(required = false) Instant version) {
        registry.updateHolder(HolderId.parse(id), form, version);
    }

    @PostMapping("/api/holders/{id}/licences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a licence to a holder (REGISTRAR)")
    Created issueLicence(@PathVariable String id, @RequestBody LicenceForm form) {
        return new Created(registry.issueLicence(HolderId.parse(id), form).value());
    }

    @PostMapping("/api/licences/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a licence with a date and reason (REGISTRAR)")
    void revokeLicence(@PathVariable String id, @RequestBody Revocation revocation) {
        registry.revokeLicence(LicenceId.parse(id), revocation.revokedOn() == null ? LocalDate.now(clock) : revocation.revokedOn(),
                revocation.reason());
    }

    @GetMapping("/api/ledger/verify")
    @Operation(summary = "Walk the whole hash chain and name the first record that does not match (AUDITOR, ADMIN)")
    LedgerReport verify() {
        return queries.verifyLedger();
    }

    @GetMapping("/api/reference/event-kinds")
    @Operation(summary = "Lifecycle event kinds and the origin kinds a registration may carry")
    Map<String, List<EventKind>> eventKinds() {
        return Map.of("lifecycle", EventKind.LIFECYCLE, "origins", EventKind.ORIGINS);
    }
}
