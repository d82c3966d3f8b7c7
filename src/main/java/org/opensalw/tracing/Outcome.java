package org.opensalw.tracing;

/**
 * What an answer says. ITI para 21: the requested state may restrict an answer (an investigation, confidentiality,
 * security) and says why; {@code NOT_FOUND} means the weapon is not in its records.
 */
public enum Outcome { FULL, PARTIAL, RESTRICTED, NOT_FOUND }
