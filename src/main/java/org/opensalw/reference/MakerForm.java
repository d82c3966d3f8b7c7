package org.opensalw.reference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An administrator's new or edited maker. Lists are given one name per entry. */
public record MakerForm(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "{maker.code.pattern}") String code,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "([A-Z]{2})?", message = "{country.pattern}") String country,
        List<String> aliases, List<String> formerNames, List<String> factoryCodes,
        @Size(max = 2000) String markingNotes, @jakarta.validation.constraints.Pattern(regexp = "(https?://\\S+)?", message = "{reference.source.url}") @Size(max = 1000) String source) {
}
