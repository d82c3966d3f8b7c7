package org.opensalw.registry;

import java.util.List;
import java.util.UUID;

/**
 * A weapon for {@link RegistryManagement#registerBulk}: its id (chosen by the caller, so an import can name it
 * before it is written), the registration (origin event included), later events in date order, and optionally the
 * holder to create with it (the same holder id may come with several weapons; it is created once).
 */
public record BulkWeapon(UUID id, Registration registration, List<EventCommand> history, BulkHolder holder) {

    public BulkWeapon {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A holder created by the bulk path with the id given. */
    public record BulkHolder(UUID id, HolderForm form) {
    }
}
