package org.opensalw.registry;

/** A lifecycle event or correction recorded on a weapon, with the status that follows (delivered in {@link WeaponEventsRecorded}). */
public record WeaponEventRecorded(WeaponId weaponId, long seq, EventKind kind, WeaponStatus previousStatus,
        WeaponStatus status) {
}
