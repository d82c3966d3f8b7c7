package org.opensalw.assistance.internal;

import java.math.BigDecimal;
import org.opensalw.shared.UserFacingException;

/**
 * Amounts as the module stores them, in NUMERIC(14,2) columns: at most 12 digits before the decimal point and 2
 * after. A larger amount failed in the database as a server error; the records say the same with {@code @Digits}.
 */
public final class Amounts {

    public static final int INTEGER_DIGITS = 12;
    public static final int FRACTION_DIGITS = 2;

    private Amounts() {
    }

    /** Refuses, naming the field, an amount the columns cannot hold; an absent amount passes (required is checked apart). */
    public static void requireStorable(String field, BigDecimal amount) {
        if (amount != null && !storable(amount)) {
            throw UserFacingException.invalid(field, "assistance.amount.digits");
        }
    }

    /** Refuses, naming the field, a negative amount: every amount of the module is money given, needed or spent. */
    public static void requireNotNegative(String field, BigDecimal amount) {
        if (amount != null && amount.signum() < 0) {
            throw UserFacingException.invalid(field, "assistance.amount.negative");
        }
    }

    static boolean storable(BigDecimal amount) {
        BigDecimal a = amount.stripTrailingZeros(); // 150000.00 is 150000: zeros ending the decimals hold nothing
        return a.precision() - a.scale() <= INTEGER_DIGITS && Math.max(a.scale(), 0) <= FRACTION_DIGITS;
    }
}
