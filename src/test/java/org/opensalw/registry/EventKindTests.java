package org.opensalw.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one reading of a history that tracing answers and SDG 16.4.2 share: which events show lawful hands. */
class EventKindTests {

    @Test
    void shouldCountOnlyHoldingsAsLawfulNeitherDiversionsNorRecoveriesNorMarkingsNorRecords() {
        assertThat(Arrays.stream(EventKind.values()).filter(EventKind::isLawfulHolding)).containsExactlyInAnyOrder(
                EventKind.MANUFACTURED, EventKind.IMPORTED, EventKind.TRANSFERRED, EventKind.LICENSED, EventKind.LICENCE_REVOKED,
                EventKind.DEACTIVATED, EventKind.DESTROYED);
        assertThat(EventKind.DIVERSIONS).noneMatch(EventKind::isLawfulHolding);
        assertThat(EventKind.RECOVERIES).noneMatch(EventKind::isLawfulHolding);
    }
}
