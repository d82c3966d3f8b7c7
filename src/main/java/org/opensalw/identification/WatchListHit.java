package org.opensalw.identification;

import java.util.UUID;
import org.opensalw.registry.WeaponId;

/**
 * Published when a weapon recorded as found, seized or surrendered matches a weapon reported lost or stolen, in this
 * register ({@code matchedWeaponId}) or in an imported list ({@code matchedEntryId}).
 */
public record WatchListHit(UUID alertId, WeaponId recoveredWeapon, WeaponId matchedWeaponId, UUID matchedEntryId, int score) {
}
