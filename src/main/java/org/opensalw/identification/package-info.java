/**
 * Identification: finds the register record behind a recovered weapon from imperfectly read markings (look-alike
 * characters, unknown positions, missing or swapped characters, maker aliases), and keeps the watch list of lost and
 * stolen weapons with its alerts. The serial index lives in memory in each instance (about 250 MB of heap for 1M
 * weapons, 2.5 GB for 10M, both measured): built at start, kept current from registry events and the ledger.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "registry", "reference", "identity"})
package org.opensalw.identification;
