package org.opensalw.registry;

/** Published for each lifecycle event or correction recorded on a weapon, with the status that follows. */
public record WeaponEventRecorded(WeaponId weaponId, long seq, EventKind kind, WeaponStatus previousStatus,
        WeaponStatus status) {
}
