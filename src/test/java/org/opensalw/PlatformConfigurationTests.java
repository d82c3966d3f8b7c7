package org.opensalw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PlatformConfigurationTests {

    private final PlatformConfiguration configuration = new PlatformConfiguration();

    @Test
    void shouldTakeTodayInTheNodesZone() {
        assertThat(configuration.clock("Africa/Nairobi").getZone()).isEqualTo(ZoneId.of("Africa/Nairobi"));
        assertThat(configuration.clock(" ").getZone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void shouldSayWhatIsWrongWithAZoneItDoesNotKnow() {
        assertThatThrownBy(() -> configuration.clock("Nairobi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opensalw.time-zone=Nairobi is not a time zone");
    }
}
