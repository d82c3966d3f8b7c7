package org.opensalw.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SerialNumbersTests {

    @Test
    void shouldUpperCaseAndDropSeparators() {
        assertThat(SerialNumbers.normalise(" ab-12/34.5 ")).isEqualTo("AB12345");
    }

    @Test
    void shouldReadCyrillicLookAlikesAsLatin() {
        assertThat(SerialNumbers.normalise("АК 47 ВС")).isEqualTo("AK47BC");
    }

    @Test
    void shouldDropZerosThatPadANumber() {
        assertThat(SerialNumbers.normalise("000123")).isEqualTo("123");
        assertThat(SerialNumbers.normalise("AK-000123")).isEqualTo("AK123");
        assertThat(SerialNumbers.normalise("a007b0")).isEqualTo("A7B0");
        assertThat(SerialNumbers.normalise("000")).isEqualTo("0");
        assertThat(SerialNumbers.normalise("A0B")).isEqualTo("A0B");
    }

    @Test
    void shouldKeepZerosInsideANumber() {
        assertThat(SerialNumbers.normalise("A1005")).isEqualTo("A1005");
        assertThat(SerialNumbers.normalise("47 0012")).as("separators do not split a number").isEqualTo("470012");
    }

    @Test
    void shouldGiveEmptyForNothing() {
        assertThat(SerialNumbers.normalise(null)).isEmpty();
        assertThat(SerialNumbers.normalise(" - ")).isEmpty();
    }

    @Test
    void shouldReadAccentedLettersAndOtherScriptsDigitsAsTyped() {
        assertThat(SerialNumbers.normalise("ÉTN-٣٤٥")).isEqualTo("ETN345");
        assertThat(SerialNumbers.normalise("çş ３２")).isEqualTo("CS32");
        assertThat(SerialNumbers.normalise("۱۲۳-०९")).isEqualTo("12309");
        assertThat(SerialNumbers.normalise("ＡＫ-００１２３")).as("full width").isEqualTo("AK123");
    }

    @Test
    void shouldKeepLettersWithoutALatinForm() {
        assertThat(SerialNumbers.normalise("Жй-1")).isEqualTo("ЖЙ1");
    }

    @Test
    void shouldLeaveOutZerosEndingATypedStartSinceTheyMayPadANumber() {
        assertThat(SerialNumbers.prefix("ab-00")).isEqualTo("AB");
        assertThat(SerialNumbers.prefix("AB-001")).isEqualTo("AB1");
        assertThat(SerialNumbers.prefix("AB10")).isEqualTo("AB10");
        assertThat(SerialNumbers.prefix("AB-")).isEqualTo("AB");
        assertThat(SerialNumbers.prefix(" ")).isEmpty();
    }
}
