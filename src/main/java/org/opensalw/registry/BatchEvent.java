package org.opensalw.registry;

/** One event of a batch recorded in a single transaction (legacy imports, bulk operations). */
public record BatchEvent(WeaponId weaponId, EventCommand command) {
}
