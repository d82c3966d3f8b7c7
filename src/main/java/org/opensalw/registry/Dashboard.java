package org.opensalw.registry;

import java.util.List;
import java.util.Map;

/** Counts for the dashboard: weapons by status and by type, and the latest entries of the ledger. */
public record Dashboard(long weapons, long holders, Map<WeaponStatus, Long> byStatus,
        Map<org.opensalw.reference.WeaponType, Long> byType, List<RecentEvent> recent) {

    public record RecentEvent(long seq, WeaponId weaponId, EventKind kind, java.time.LocalDate occurredOn,
            String serialAsMarked, java.time.Instant recordedAt, String recordedBy) {
    }
}
