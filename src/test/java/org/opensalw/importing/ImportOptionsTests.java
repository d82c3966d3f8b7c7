package org.opensalw.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;

/** One reading of a column mapping for the page, the API and the command line. */
class ImportOptionsTests {

    @Test
    void shouldReadPairsSeparatedByBarsOrNewLines() {
        assertThat(ImportOptions.parseMapping("serial=Serial No|weapon_type = Kind\nmaker=Manufacturer\n"))
                .containsExactly(java.util.Map.entry("serial", "Serial No"), java.util.Map.entry("weapon_type", "Kind"),
                        java.util.Map.entry("maker", "Manufacturer"));
        assertThat(ImportOptions.parseMapping(null)).isEmpty();
    }

    @Test
    void shouldRefuseAPairWithoutEqualsSignNamingIt() {
        assertThatThrownBy(() -> ImportOptions.parseMapping("serial=Serial No|Kind"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations()).extracting(Violation::args)
                        .containsExactly(java.util.List.of("Kind")));
    }
}
