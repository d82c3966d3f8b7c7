/**
 * Identification: finds the register record behind a recovered weapon from imperfectly read markings (look-alike
 * characters, unknown positions, missing or swapped characters, maker aliases), and keeps the watch list of lost and
 * stolen weapons. The serial index lives in memory in each instance: built at start, kept current from registry events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "registry", "reference", "identity"})
package org.opensalw.identification;
