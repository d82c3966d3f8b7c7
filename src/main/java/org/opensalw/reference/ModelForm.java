package org.opensalw.reference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An administrator's new or edited model (identified by maker and name). */
public record ModelForm(
        @NotBlank String makerCode,
        @NotBlank @Size(max = 200) String name,
        @NotNull WeaponType type,
        @Size(max = 100) String calibre,
        @Pattern(regexp = "[A9\\-/. ]{0,40}", message = "{model.serialFormat.pattern}") String serialFormat,
        @jakarta.validation.constraints.Pattern(regexp = "(https?://\\S+)?", message = "{reference.source.url}") @Size(max = 1000) String source) {
}
