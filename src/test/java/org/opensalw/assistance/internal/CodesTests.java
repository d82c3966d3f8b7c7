package org.opensalw.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;

/** Language codes as the module documents them: ISO 639-1, two letters. */
class CodesTests {

    @Test
    void shouldKeepIsoLanguageCodesInLowerCase() {
        assertThat(Codes.languages("languages", List.of("EN", " fr ", "es", "ar", ""))).containsExactly("en", "fr", "es", "ar");
        assertThat(Codes.languages("languages", null)).isEmpty();
    }

    @Test
    void shouldRefuseWhatIsNotAnIsoLanguageCodeNamingTheField() {
        for (String unknown : new String[] {"xx", "english", "fra", "e"}) {
            assertThatThrownBy(() -> Codes.languages("languages", List.of("en", unknown))).as(unknown)
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                            .containsExactly(Violation.of("languages", "assistance.language.unknown", unknown)));
        }
    }
}
