package org.opensalw.registry;

import java.util.List;

/**
 * Published once per transaction that recorded lifecycle events or corrections, with each of them in ledger order.
 * One publication per batch, not per event: each publication is a row of the event publication registry, and a
 * batch of thousands of events must not cost thousands of rows per listener.
 */
public record WeaponEventsRecorded(List<WeaponEventRecorded> events) {

    public WeaponEventsRecorded {
        events = List.copyOf(events);
    }
}
