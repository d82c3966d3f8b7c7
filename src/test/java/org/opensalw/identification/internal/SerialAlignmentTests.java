package org.opensalw.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensalw.identification.SerialDifference.*;

import org.junit.jupiter.api.Test;

class SerialAlignmentTests {

    private static SerialAlignment.Result align(String reading, String serial) {
        return SerialAlignment.align(SerialForms.clean(reading), SerialForms.clean(serial));
    }

    @Test
    void shouldCostNothingForTheSameSerial() {
        assertThat(align("AB-1234", "ab1234").cost()).isZero();
    }

    @Test
    void shouldCostLessForALookAlikeThanForAnotherCharacter() {
        var lookAlike = align("AB12O4", "AB1204");
        var other = align("AB1294", "AB1204");
        assertThat(lookAlike.cost()).isLessThan(other.cost());
        assertThat(lookAlike.marks()).containsExactly(SAME, SAME, SAME, SAME, LOOK_ALIKE, SAME);
        assertThat(other.marks().get(4)).isEqualTo(DIFFERENT);
    }

    @Test
    void shouldMatchUnknownPositionsAtASmallCost() {
        var r = align("12?45?7", "1234567");
        assertThat(r.cost()).isEqualTo(2 * SerialAlignment.UNKNOWN);
        assertThat(r.marks()).containsExactly(SAME, SAME, UNKNOWN, SAME, SAME, UNKNOWN, SAME);
    }

    @Test
    void shouldSkipAnUnreadableStartOrEnd() {
        assertThat(align("*45678", "1245678").marks()).startsWith(UNREADABLE, UNREADABLE, SAME);
        assertThat(align("*45678", "1245678").cost()).isEqualTo(SerialAlignment.UNREADABLE);
        assertThat(align("12345*", "1234567").cost()).isEqualTo(SerialAlignment.UNREADABLE);
    }

    @Test
    void shouldCostOneForAMissingOrExtraCharacter() {
        assertThat(align("123567", "1234567").cost()).isEqualTo(1);
        assertThat(align("123567", "1234567").marks()).contains(MISSING);
        assertThat(align("12345967", "1234567").cost()).isEqualTo(1);
    }

    @Test
    void shouldCostLessThanTwoEditsForSwappedNeighbours() {
        var r = align("1243567", "1234567");
        assertThat(r.cost()).isEqualTo(SerialAlignment.SWAP);
        assertThat(r.marks()).containsExactly(SAME, SAME, SWAPPED, SWAPPED, SAME, SAME, SAME);
    }

    @Test
    void shouldCostLittleForLeadingZeros() {
        var r = align("123456", "00123456");
        assertThat(r.cost()).isEqualTo(SerialAlignment.LEADING_ZERO);
        assertThat(r.marks()).startsWith(LEADING_ZERO, LEADING_ZERO, SAME);
    }

    @Test
    void shouldForgiveLettersLeftOutBetweenDigits() {
        assertThat(align("12345", "12AB345").cost()).isEqualTo(2 * SerialAlignment.EMBEDDED_LETTER);
        assertThat(align("12345", "12XY345").cost()).isLessThan(align("12345", "1267345").cost());
    }
}
