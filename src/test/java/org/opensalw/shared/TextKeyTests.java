package org.opensalw.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextKeyTests {

    @Test
    void shouldKeepLettersAndDigitsOfAnyScriptWithoutCaseAccentsOrSeparators() {
        assertThat(TextKey.of("Serial No.")).isEqualTo("serialno");
        assertThat(TextKey.of("  Holder_Name 42 ")).isEqualTo("holdername42");
        assertThat(TextKey.of("Heckler & Koch")).isEqualTo(TextKey.of("HECKLER-KOCH"));
        assertThat(TextKey.of("Numéro de série")).isEqualTo("numerodeserie");
        assertThat(TextKey.of("AÑO")).isEqualTo("ano");
        assertThat(TextKey.of("Ижмаш 7")).isEqualTo("ижмаш7");
        assertThat(TextKey.of(null)).isEmpty();
    }

    @Test
    void shouldNotMakeTwoNamesInAnotherScriptAlike() {
        // holders are told apart by this key: names in Cyrillic or Arabic must not all become ""
        assertThat(TextKey.of("Иван Петров")).isNotEqualTo(TextKey.of("Олег Сидоров")).isNotEmpty();
        assertThat(TextKey.of("محمد علي")).isNotEqualTo(TextKey.of("أحمد حسن")).isNotEmpty();
    }
}
