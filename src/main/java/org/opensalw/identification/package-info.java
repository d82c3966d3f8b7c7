/**
 * Identification: finds the register record behind a recovered weapon from imperfectly read markings (look-alike
 * characters, unknown positions, missing or swapped characters, maker aliases), and keeps the watch list of lost and
 * stolen weapons with its alerts. The serial index lives in memory in each instance (about 230 MB of heap for 1M
 * weapons, about 2.3 GB for 10M by extrapolation): built at start, kept current from registry events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "registry", "reference", "identity"})
package org.opensalw.identification;
