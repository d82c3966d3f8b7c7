package org.opensalw.assistance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;

/** Amounts and shares as users type them in English, French and Spanish; nothing ambiguous is guessed. */
class WebTests {

    @Test
    void shouldReadADecimalCommaAsTheFrenchAndSpanishWriteIt() {
        assertThat(Web.amount("budget", "150000,50")).isEqualByComparingTo("150000.50");
        assertThat(Web.amount("budget", "150000.50")).isEqualByComparingTo("150000.50");
        assertThat(Web.amount("budget", "0,5")).isEqualByComparingTo("0.5");
        assertThat(Web.amount("budget", " 200000 ")).isEqualByComparingTo("200000");
    }

    @Test
    void shouldReadThousandsGroupedBySpacesIncludingNonBreakingOnes() {
        assertThat(Web.amount("budget", "150 000,50")).isEqualByComparingTo("150000.50");
        assertThat(Web.amount("budget", "1\u00A0234\u00A0567.25")).isEqualByComparingTo("1234567.25");
        assertThat(Web.amount("budget", "200\u202F000")).isEqualByComparingTo("200000");
        assertThat(Web.amount("budget", "200000\u00A0")).isEqualByComparingTo("200000");
    }

    @Test
    void shouldRefuseAPointOrCommaThatCouldSeparateThousands() {
        // "200.000" is 200 in English and 200000 in Spanish; "200,000" the reverse
        for (String ambiguous : new String[] {"200.000", "200,000", "1,234.56", "1.234,56", "150.000,50"}) {
            assertThatThrownBy(() -> Web.amount("estimatedCost", ambiguous)).as(ambiguous)
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                            .containsExactly(Violation.of("estimatedCost", "assistance.amount.invalid", ambiguous)));
        }
    }

    @Test
    void shouldRefuseWhatIsNotAnAmount() {
        for (String wrong : new String[] {"abc", "1e5", "12 34", "1 2345", "10.555", "1,", ".5", "US$ 100"}) {
            assertThatThrownBy(() -> Web.amount("amount", wrong)).as(wrong)
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                            .containsExactly("amount"));
        }
    }

    @Test
    void shouldLeaveTheSignToTheServicesAndAnEmptyFieldEmpty() {
        assertThat(Web.amount("value", "-12,5")).isEqualByComparingTo("-12.5");
        assertThat(Web.amount("value", "")).isNull();
        assertThat(Web.amount("value", " \u00A0")).isNull();
        assertThat(Web.amount("value", null)).isNull();
    }

    @Test
    void shouldReadSharesWithAPointOrAComma() {
        assertThat(Web.share("maxRegionShare", "0,4")).isEqualByComparingTo("0.4");
        assertThat(Web.share("maxRegionShare", "0.125")).isEqualByComparingTo("0.125");
        assertThat(Web.share("genderShare", "1")).isEqualByComparingTo("1");
        assertThat(Web.share("genderShare", "")).isNull();
        assertThatThrownBy(() -> Web.share("genderShare", "0,1255")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(Violation.of("genderShare", "assistance.share.invalid", "0,1255")));
        assertThatThrownBy(() -> Web.share("genderShare", "40 %")).isInstanceOf(UserFacingException.class);
    }
}
