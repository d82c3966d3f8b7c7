package org.opensalw.registry;

/** Where a weapon stands in its life, as the fold of its non-voided ledger entries. */
public enum WeaponStatus {
    /** Held by a lawful holder: manufacturer, dealer, licensed person, state body. */
    LEGALLY_HELD,
    /** Left the country under an export; may come back by import. */
    EXPORTED,
    LOST,
    STOLEN,
    /** Found, seized or surrendered and held by the authorities. */
    IN_STATE_CUSTODY,
    DEACTIVATED,
    /** The end: nothing may happen to a destroyed weapon. */
    DESTROYED
}
