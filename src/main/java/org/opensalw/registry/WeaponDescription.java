package org.opensalw.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opensalw.reference.WeaponType;

/**
 * What identifies a weapon: type, maker (reference code and/or the name as marked), model, calibre, country and
 * year of manufacture, and the serial number exactly as marked.
 */
public record WeaponDescription(
        @NotNull WeaponType type,
        @Size(max = 40) String makerCode,
        @Size(max = 200) String makerAsMarked,
        @Size(max = 200) String model,
        @Size(max = 100) String calibre,
        @Pattern(regexp = "([A-Za-z]{2})?", message = "{country.pattern}") String countryOfManufacture,
        @Min(1800) @Max(2200) Integer yearOfManufacture,
        @Size(max = 100) String serial) {
}
