package org.opensalw.identification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.opensalw.identification.Identification;
import org.opensalw.identification.Identified;
import org.opensalw.identification.Reading;
import org.opensalw.identification.Recovery;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.WeaponId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of identification: ranked candidates for a reading, and the two outcomes. */
@RestController
@Tag(name = "Identification", description = "Find the record behind a recovered weapon from imperfectly read markings")
class IdentificationApi {

    /** {@code confirmDistinct}: it is another weapon than the registered one of the same maker and serial. */
    record Unregistered(Reading reading, Recovery recovery, Boolean confirmDistinct) {
    }

    record Recorded(long seq) {
    }

    record Created(UUID id) {
    }

    private final Identification identification;

    IdentificationApi(Identification identification) {
        this.identification = identification;
    }

    @GetMapping("/api/identification/search")
    @Operation(summary = "Ranked candidates for what is read on a weapon",
            description = "serial: '?' for an unknown position, '*' for an unreadable run; maker: any name, alias, former name or "
                    + "factory code. Each candidate has a score (0-100), confident when at least 85, and what differs.")
    Identified search(@RequestParam String serial, @RequestParam(required = false) String maker,
            @RequestParam(required = false) String model, @RequestParam(required = false) String calibre,
            @RequestParam(required = false) WeaponType type, @RequestParam(required = false) String country,
            @RequestParam(required = false) Integer year) {
        return identification.identify(new Reading(serial, maker, model, calibre, type, country, year));
    }

    @PostMapping("/api/identification/search")
    @Operation(summary = "Ranked candidates for a reading given as JSON")
    Identified search(@RequestBody Reading reading) {
        return identification.identify(reading);
    }

    @PostMapping("/api/identification/matched/{weaponId}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the recovered weapon as this registered one (a found, seized or surrendered event)")
    Recorded matched(@PathVariable UUID weaponId, @RequestBody Recovery recovery) {
        return new Recorded(identification.recordAsMatched(new WeaponId(weaponId), recovery));
    }

    @PostMapping("/api/identification/unregistered")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a recovered weapon that is not in the register, with a national mark (ITI para 8 e)",
            description = "A national mark another weapon carries is refused (422, field nationalMark); so is the maker and serial of a"
                    + " registered weapon (field serial, naming it), unless confirmDistinct is true.")
    Created unregistered(@RequestBody Unregistered body) {
        return new Created(identification.recordAsUnregistered(body.reading(), body.recovery(),
                Boolean.TRUE.equals(body.confirmDistinct())).value());
    }
}
