package org.opensalw.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A holder as registered or updated. Birth date, identity document, address and phone are personal data. */
public record HolderForm(
        @NotNull HolderKind kind,
        @NotBlank @Size(max = 300) String name,
        @Pattern(regexp = "([A-Za-z]{2})?", message = "{country.pattern}") String country,
        LocalDate birthDate,
        @Size(max = 100) String idDocument,
        @Size(max = 500) String address,
        @Size(max = 50) String phone,
        @Size(max = 100) String registrationNumber,
        @Size(max = 100) String role) {
}
