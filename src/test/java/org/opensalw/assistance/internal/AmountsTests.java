package org.opensalw.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;

/** Amounts the NUMERIC(14,2) columns hold, and the refusal, naming the field, of those they cannot. */
class AmountsTests {

    @Test
    void shouldTakeTwelveDigitsBeforeThePointAndTwoAfter() {
        for (String fits : new String[] {"999999999999.99", "150000.500", "1E+3", "0.05", "0"}) {
            assertThatCode(() -> Amounts.requireStorable("budget", new BigDecimal(fits))).as(fits).doesNotThrowAnyException();
        }
        assertThatCode(() -> Amounts.requireStorable("budget", null)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseMoreDigitsNamingTheField() {
        for (String tooMany : new String[] {"1000000000000", "10000000000000", "1E+13", "0.001", "12.345"}) {
            assertThatThrownBy(() -> Amounts.requireStorable("needCost_MARKING", new BigDecimal(tooMany))).as(tooMany)
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                            .containsExactly(Violation.of("needCost_MARKING", "assistance.amount.digits")));
        }
    }

    @Test
    void shouldRefuseANegativeAmountNamingTheField() {
        for (String negative : new String[] {"-5", "-0.01", "-1000.50"}) {
            assertThatThrownBy(() -> Amounts.requireNotNegative("spent", new BigDecimal(negative))).as(negative)
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                            .containsExactly(Violation.of("spent", "assistance.amount.negative")));
        }
        for (String fine : new String[] {"0", "0.00", "150000.50"}) {
            assertThatCode(() -> Amounts.requireNotNegative("spent", new BigDecimal(fine))).as(fine).doesNotThrowAnyException();
        }
        assertThatCode(() -> Amounts.requireNotNegative("spent", null)).doesNotThrowAnyException();
    }
}
