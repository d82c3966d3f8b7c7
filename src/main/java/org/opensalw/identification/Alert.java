package org.opensalw.identification;

import java.time.Instant;
import java.util.UUID;
import org.opensalw.registry.WeaponId;

/** A watch-list alert with its evidence: what was recovered, what it matched, the score and what differs. */
public record Alert(UUID id, WeaponId weaponId, String recoveredSerial, String origin, WeaponId matchedWeaponId, UUID matchedEntryId,
        String matchedSerial, int score, String evidence, Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt) {
}
