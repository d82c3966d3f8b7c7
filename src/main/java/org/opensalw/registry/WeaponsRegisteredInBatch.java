package org.opensalw.registry;

import java.util.UUID;

/**
 * Published once when a bulk registration commits (an import of thousands of weapons): listeners read the batch's
 * weapons from {@link RegistryQueries#forEachWeaponIdentityOfBatch} instead of receiving one event per weapon.
 */
public record WeaponsRegisteredInBatch(UUID batchId, int weapons) {
}
