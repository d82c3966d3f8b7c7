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
    void shouldKeepLeadingZeros() {
        assertThat(SerialNumbers.normalise("000123")).isEqualTo("000123");
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
    }

    @Test
    void shouldKeepLettersWithoutALatinForm() {
        assertThat(SerialNumbers.normalise("Жй-1")).isEqualTo("ЖЙ1");
    }
}
