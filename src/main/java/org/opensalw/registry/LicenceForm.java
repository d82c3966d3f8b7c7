package org.opensalw.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A licence issued to a holder: number, kind, validity and issuing authority. */
public record LicenceForm(@NotBlank @Size(max = 100) String number, @NotNull LicenceKind kind,
        @NotNull LocalDate validFrom, LocalDate validUntil, @NotBlank @Size(max = 300) String issuingAuthority) {
}
