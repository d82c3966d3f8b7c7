package org.opensalw.importing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsTests {

    @Test
    void shouldKeyHeadersAndNamesByTheirLettersAndDigitsWithoutCaseOrAccents() {
        assertThat(Columns.key("Serial No.")).isEqualTo("serialno");
        assertThat(Columns.key("  Holder_Name 42 ")).isEqualTo("holdername42");
        assertThat(Columns.key("Numéro de série")).isEqualTo("numerodeserie");
        assertThat(Columns.key("AÑO")).isEqualTo("ano");
        assertThat(Columns.key("Ижмаш 7")).isEqualTo("7");
        assertThat(Columns.key(null)).isEmpty();
    }
}
