package org.opensalw.registry;

import java.util.UUID;

/**
 * Published once when a bulk registration commits (an import of thousands of weapons), instead of one event per weapon:
 * listeners read what changed from the ledger ({@link RegistryQueries#weaponsChangedBetween}).
 */
public record WeaponsRegisteredInBatch(UUID batchId, int weapons) {
}
