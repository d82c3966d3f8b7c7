package org.opensalw.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SerialFormsTests {

    @Test
    void shouldDropSeparatorsAndCase() {
        assertThat(SerialForms.clean(" ab-12 34/5.6 ")).isEqualTo("AB123456");
    }

    @Test
    void shouldReadCyrillicLookAlikesAsLatin() {
        assertThat(SerialForms.clean("АК-47 ХМ")).isEqualTo(SerialForms.clean("AK-47 XM"));
    }

    @Test
    void shouldReadAccentedLatinLettersAndOtherScriptsDigitsAsTyped() {
        assertThat(SerialForms.clean("ÉTN-٣٤٥")).isEqualTo(SerialForms.clean("ETN-345")).isEqualTo("ETN345");
        assertThat(SerialForms.clean("Ş-१२ ３")).isEqualTo("S123"); // Devanagari and full-width digits
        assertThat(SerialForms.clean("ЖЙ-1")).isEqualTo("ЖЙ1"); // letters with no Latin form stay as they are
    }

    @Test
    void shouldKeepUnknownPositionsAndCollapseUnreadableRuns() {
        assertThat(SerialForms.clean("12?4_6…")).isEqualTo("12?4?6*");
        assertThat(SerialForms.clean("**1234")).isEqualTo("*1234");
    }

    @Test
    void shouldFoldEachLookAlikeGroupToOneSymbol() {
        assertThat(SerialForms.skeleton("O0DQ")).isEqualTo(SerialForms.skeleton("0"));
        assertThat(SerialForms.skeleton("I1L7")).isEqualTo(SerialForms.skeleton("1111"));
        assertThat(SerialForms.skeleton("S5B83Z2G6UV")).isEqualTo(SerialForms.skeleton("55888226 6UU".replace(" ", "")));
        assertThat(SerialForms.skeleton("AK12")).isNotEqualTo(SerialForms.skeleton("AK13"));
    }

    @Test
    void shouldIgnoreLeadingZerosInTheSkeleton() {
        assertThat(SerialForms.skeleton("000123")).isEqualTo(SerialForms.skeleton("123"));
        assertThat(SerialForms.skeleton("0")).isNotEmpty();
    }

    @Test
    void shouldKeepOnlyDigitsForTheNcicForm() {
        assertThat(SerialForms.digits("12AB0345")).isEqualTo("120345");
        assertThat(SerialForms.digits("KA0012")).isEqualTo("12");
    }
}
