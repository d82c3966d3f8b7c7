package org.opensalw.registry;

/** Published when a weapon is registered (after the transaction commits, listeners get it reliably). */
public record WeaponRegistered(WeaponId weaponId, String makerCode, String serialNormalised, WeaponStatus status) {
}
