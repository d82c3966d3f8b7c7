package org.opensalw.registry;

import java.time.LocalDate;
import java.util.List;
import org.opensalw.reference.WeaponType;

/**
 * A weapon with at least one recovery (seized, found, surrendered) in its history, with its lifecycle events that
 * stand (voided ones and their voiding left out) in the order they were recorded: what statistics on recovered
 * weapons need, without the holder's personal data.
 */
public record RecoveredWeapon(WeaponId id, WeaponType type, boolean hasSerial, List<Event> events) {

    /** One lifecycle event of the weapon. */
    public record Event(long seq, EventKind kind, LocalDate occurredOn) {
    }
}
