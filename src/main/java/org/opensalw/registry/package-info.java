/**
 * The national register: weapons with their markings and photos, holders and their licences, and every lifecycle
 * event in one append-only ledger whose records are chained by SHA-256, so that any change made behind the
 * application's back is found by {@link org.opensalw.registry.RegistryQueries#verifyLedger()}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "reference", "identity"})
package org.opensalw.registry;
